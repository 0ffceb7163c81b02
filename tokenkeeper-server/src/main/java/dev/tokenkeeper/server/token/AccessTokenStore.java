package dev.tokenkeeper.server.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tokenkeeper.server.permission.TokenPermissions;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccessTokenStore {

	/** The columns a token is created with: it has no use yet. */
	private static final String TOKEN_COLUMNS = """
			id, owner_type, owner_id, user_id, name, repository_permission, project_permission, created_date,
			expiry_days, expiry_date, secret_hash, previous_secret_hash, previous_secret_valid_until, secret_version""";

	/**
	 * Reads tokens with their last use, which lives in a table of its own (a token never used has
	 * no row there); conditions, order and paging follow. The last use is named
	 * {@code token_use.last_authenticated}: access_token's column of that name is no longer written.
	 */
	static final String SELECT = "SELECT " + TOKEN_COLUMNS + """
			, token_use.last_authenticated
			  FROM access_token LEFT JOIN token_use ON token_use.token_id = access_token.id
			""";

	static final RowMapper<AccessToken> ROW_MAPPER = AccessTokenStore::mapRow;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	AccessTokenStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	void insert(AccessToken token) {
		this.jdbc.sql("INSERT INTO access_token (" + TOKEN_COLUMNS + """
				) VALUES (:id, :ownerType, :ownerId, :userId, :name, :repositoryPermission, :projectPermission,
				          :createdDate, :expiryDays, :expiryDate, :secretHash, :previousHash, :previousValidUntil,
				          :secretVersion)
				""")
			.param("id", token.id())
			.param("ownerType", token.owner().type().name())
			.param("ownerId", token.owner().id())
			.param("userId", token.userId())
			.param("name", token.name())
			.param("repositoryPermission", token.permissions().repository().name())
			.param("projectPermission", token.permissions().project().name())
			.param("createdDate", token.createdDate().toEpochMilli())
			.param("expiryDays", token.expiryDays())
			.param("expiryDate", millis(token.expiryDate()))
			.param("secretHash", token.secrets().current())
			.param("previousHash", token.secrets().previous())
			.param("previousValidUntil", millis(token.secrets().previousValidUntil()))
			.param("secretVersion", token.secrets().version())
			.update();
	}

	Optional<AccessToken> findById(String id) {
		return this.jdbc.sql(SELECT + "WHERE id = :id")
			.param("id", id)
			.query(ROW_MAPPER)
			.optional();
	}

	/** The tokens with these ids that exist, in no particular order. */
	List<AccessToken> findByIds(Collection<String> ids) {
		return this.jdbc.sql(SELECT + "WHERE id IN (:ids)")
			.param("ids", ids)
			.query(ROW_MAPPER)
			.list();
	}

	boolean exists(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM access_token WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The owner's tokens, oldest first (ties broken by id), so pages stay stable. The page's ids
	 * are found in the owner index alone, and only they are read from the table: PostgreSQL
	 * cannot skip an offset in an index, and skipping index entries costs a fraction of skipping
	 * rows (bench/RESULTS.md).
	 */
	List<AccessToken> findByOwner(TokenOwner owner, PageRequest page) {
		return this.jdbc.sql(SELECT + """
				WHERE id IN (SELECT id FROM access_token
				              WHERE owner_type = :ownerType AND owner_id = :ownerId
				              ORDER BY created_date, id
				              LIMIT :limit OFFSET :offset)
				ORDER BY created_date, id
				""")
			.param("ownerType", owner.type().name())
			.param("ownerId", owner.id())
			.param("limit", page.fetchSize())
			.param("offset", page.start())
			.query(ROW_MAPPER)
			.list();
	}

	/**
	 * The owner's tokens from the one with this sort key on, in the order of {@link #findByOwner}:
	 * read from the owner index by key, however deep in the list. The order names the index's
	 * leading columns too (fixed by the condition, so the order is the same): without them H2 sorts
	 * every token after the key instead of reading the index in order (66 ms a page, not 0.2).
	 */
	List<AccessToken> findByOwnerFrom(TokenOwner owner, Instant createdDate, String id, int limit) {
		return this.jdbc.sql(SELECT + """
				WHERE owner_type = :ownerType AND owner_id = :ownerId AND (created_date, id) >= (:createdDate, :id)
				ORDER BY owner_type, owner_id, created_date, id
				LIMIT :limit
				""")
			.param("ownerType", owner.type().name())
			.param("ownerId", owner.id())
			.param("createdDate", createdDate.toEpochMilli())
			.param("id", id)
			.param("limit", limit)
			.query(ROW_MAPPER)
			.list();
	}

	/** The ids of the owner's tokens. */
	List<String> idsOf(TokenOwner owner) {
		return this.jdbc.sql("SELECT id FROM access_token WHERE owner_type = :ownerType AND owner_id = :ownerId")
			.param("ownerType", owner.type().name())
			.param("ownerId", owner.id())
			.query(String.class)
			.list();
	}

	List<AccessToken> findAllByOwner(TokenOwner owner) {
		return this.jdbc.sql(SELECT + "WHERE owner_type = :ownerType AND owner_id = :ownerId")
			.param("ownerType", owner.type().name())
			.param("ownerId", owner.id())
			.query(ROW_MAPPER)
			.list();
	}

	/** Tokens expiring in [from, to), soonest first; of one owner, or of all when {@code owner} is null. */
	List<AccessToken> findExpiring(TokenOwner owner, Instant from, Instant to, PageRequest page) {
		return this.jdbc.sql(SELECT + """
				WHERE expiry_date >= :from AND expiry_date < :to
				  AND (CAST(:ownerType AS VARCHAR) IS NULL OR (owner_type = :ownerType AND owner_id = :ownerId))
				ORDER BY expiry_date, id
				LIMIT :limit OFFSET :offset
				""")
			.param("from", from.toEpochMilli())
			.param("to", to.toEpochMilli())
			.param("ownerType", owner == null ? null : owner.type().name())
			.param("ownerId", owner == null ? 0 : owner.id())
			.param("limit", page.fetchSize())
			.param("offset", page.start())
			.query(ROW_MAPPER)
			.list();
	}

	/** The next batch of tokens expiring in [from, to) after the given one, in (expiry, id) order: keyset paging. */
	List<AccessToken> findExpiringAfter(Instant from, Instant to, Instant afterExpiry, String afterId, int limit) {
		return this.jdbc.sql(SELECT + """
				WHERE expiry_date >= :from AND expiry_date < :to
				  AND (expiry_date > :afterExpiry OR (expiry_date = :afterExpiry AND id > :afterId))
				ORDER BY expiry_date, id
				LIMIT :limit
				""")
			.param("from", from.toEpochMilli())
			.param("to", to.toEpochMilli())
			.param("afterExpiry", afterExpiry.toEpochMilli())
			.param("afterId", afterId)
			.param("limit", limit)
			.query(ROW_MAPPER)
			.list();
	}

	long countByOwner(TokenOwner owner) {
		return this.jdbc.sql("SELECT COUNT(*) FROM access_token WHERE owner_type = :ownerType AND owner_id = :ownerId")
			.param("ownerType", owner.type().name())
			.param("ownerId", owner.id())
			.query(Long.class)
			.single();
	}

	void update(String id, String name, TokenPermissions permissions) {
		this.jdbc.sql("""
				UPDATE access_token
				   SET name = :name, repository_permission = :repositoryPermission,
				       project_permission = :projectPermission
				 WHERE id = :id
				""")
			.param("name", name)
			.param("repositoryPermission", permissions.repository().name())
			.param("projectPermission", permissions.project().name())
			.param("id", id)
			.update();
	}

	/** Gives the token a new lifetime from now; the secret stays. */
	void renew(String id, int expiryDays, Instant expiryDate) {
		this.jdbc.sql("UPDATE access_token SET expiry_days = :expiryDays, expiry_date = :expiryDate WHERE id = :id")
			.param("expiryDays", expiryDays)
			.param("expiryDate", expiryDate.toEpochMilli())
			.param("id", id)
			.update();
	}

	/**
	 * Replaces the secret, if nobody rotated the token since {@code expectedVersion} was read.
	 * @return whether this rotation won
	 */
	boolean rotate(String id, long expectedVersion, SecretHashes secrets, Integer expiryDays, Instant expiryDate) {
		return this.jdbc.sql("""
				UPDATE access_token
				   SET secret_hash = :current, previous_secret_hash = :previous,
				       previous_secret_valid_until = :previousValidUntil, secret_version = :version,
				       expiry_days = :expiryDays, expiry_date = :expiryDate
				 WHERE id = :id AND secret_version = :expectedVersion
				""")
			.param("current", secrets.current())
			.param("previous", secrets.previous())
			.param("previousValidUntil", millis(secrets.previousValidUntil()))
			.param("version", secrets.version())
			.param("expiryDays", expiryDays)
			.param("expiryDate", millis(expiryDate))
			.param("id", id)
			.param("expectedVersion", expectedVersion)
			.update() == 1;
	}

	/** Remembers the hash of a secret taken out of service, to recognise it if it is presented again. */
	void retire(String id, byte[] secretHash, Instant when) {
		this.jdbc.sql("INSERT INTO retired_secret (token_id, secret_hash, retired_date) VALUES (:id, :hash, :when)")
			.param("id", id)
			.param("hash", secretHash)
			.param("when", when.toEpochMilli())
			.update();
	}

	/**
	 * The most recently retired secret hashes of each of these tokens, newest first; a token
	 * without any is left out.
	 */
	Map<String, List<byte[]>> findRetiredHashes(Collection<String> ids, int limit) {
		Map<String, List<byte[]>> hashes = new HashMap<>();
		this.jdbc.sql("""
				SELECT token_id, secret_hash FROM (
				       SELECT token_id, secret_hash,
				              ROW_NUMBER() OVER (PARTITION BY token_id ORDER BY retired_date DESC) AS age_rank
				         FROM retired_secret
				        WHERE token_id IN (:ids)) ranked
				 WHERE age_rank <= :limit
				 ORDER BY token_id, age_rank
				""").param("ids", ids).param("limit", limit).query(rs -> {
			hashes.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getBytes(2));
		});
		return hashes;
	}

	/**
	 * Deletes these tokens, each with its use row, one statement per token in id order: the order
	 * in which {@link #recordLastAuthenticated} locks them, so that the two never deadlock. (A
	 * cascade from the owner, or one statement for them all, goes in whatever order the database
	 * finds the rows.)
	 */
	void deleteInIdOrder(Collection<String> ids) {
		this.jdbcTemplate.batchUpdate("DELETE FROM access_token WHERE id = ?",
				ids.stream().sorted().map(id -> new Object[] { id }).toList());
	}

	boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM access_token WHERE id = :id").param("id", id).update() > 0;
	}

	/**
	 * Writes recorded uses, in three steps of one batch each:
	 * <ol>
	 * <li>raise the row of each token to its use, if the use is later;</li>
	 * <li>make the row of each token whose use raised nothing and that has none: its first use.
	 * The token's access_token row is locked first, so an uncommitted delete is waited for and the
	 * token then skipped; a token that has a row already is neither locked nor touched;</li>
	 * <li>raise once more the rows that another node made between the two.</li>
	 * </ol>
	 * So a time never goes backwards, and a deleted token is skipped. Each batch is a transaction
	 * of its own (not one for all three), which locks rows that exist already of one table only,
	 * in id order: so nodes flushing the same tokens at once never deadlock each other, nor with a
	 * deletion of several tokens that goes in id order ({@link #deleteInIdOrder}).
	 */
	void recordLastAuthenticated(Map<String, Long> lastUseById) {
		List<Use> uses = lastUseById.entrySet()
			.stream()
			.map(entry -> new Use(entry.getKey(), entry.getValue()))
			.sorted(Comparator.comparing(Use::tokenId))
			.toList();
		List<Use> notRaised = unchanged(uses, raise(uses));
		if (notRaised.isEmpty()) {
			return;
		}
		List<Use> notMade = unchanged(notRaised, this.jdbcTemplate.batchUpdate("""
				INSERT INTO token_use (token_id, last_authenticated)
				SELECT id, ? FROM access_token
				 WHERE id = ? AND NOT EXISTS (SELECT 1 FROM token_use WHERE token_id = access_token.id)
				   FOR UPDATE
				ON CONFLICT DO NOTHING
				""", notRaised.stream().map(use -> new Object[] { use.at(), use.tokenId() }).toList()));
		if (!notMade.isEmpty()) {
			raise(notMade);
		}
	}

	/** @return per use, how many rows it raised: 1 or 0 */
	private int[] raise(List<Use> uses) {
		return this.jdbcTemplate.batchUpdate(
				"UPDATE token_use SET last_authenticated = ? WHERE token_id = ? AND last_authenticated < ?",
				uses.stream().map(use -> new Object[] { use.at(), use.tokenId(), use.at() }).toList());
	}

	/** The uses whose statement in the batch changed nothing, in their order. */
	private static List<Use> unchanged(List<Use> uses, int[] counts) {
		List<Use> unchanged = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				unchanged.add(uses.get(i));
			}
		}
		return unchanged;
	}

	/** A token's latest use, in epoch millis. */
	private record Use(String tokenId, long at) {
	}

	private static AccessToken mapRow(ResultSet rs, int rowNum) throws SQLException {
		return new AccessToken(rs.getString("id"),
				new TokenOwner(TokenOwner.Type.valueOf(rs.getString("owner_type")), rs.getLong("owner_id")),
				rs.getLong("user_id"), rs.getString("name"),
				new TokenPermissions(ResourcePermission.valueOf(rs.getString("repository_permission")),
						ResourcePermission.valueOf(rs.getString("project_permission"))),
				Instant.ofEpochMilli(rs.getLong("created_date")), rs.getObject("expiry_days", Integer.class),
				instant(rs.getObject("expiry_date", Long.class)), instant(rs.getObject("last_authenticated", Long.class)),
				new SecretHashes(rs.getBytes("secret_hash"), rs.getBytes("previous_secret_hash"),
						instant(rs.getObject("previous_secret_valid_until", Long.class)), rs.getLong("secret_version")));
	}

	private static Long millis(Instant instant) {
		return instant == null ? null : instant.toEpochMilli();
	}

	private static Instant instant(Long millis) {
		return millis == null ? null : Instant.ofEpochMilli(millis);
	}

}
