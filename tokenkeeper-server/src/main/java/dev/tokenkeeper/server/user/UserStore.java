package dev.tokenkeeper.server.user;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.tokenkeeper.server.permission.GlobalPermission;
import dev.tokenkeeper.server.support.LikePattern;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class UserStore {

	private static final String COLUMNS = """
			id, name, slug, display_name, email_address, active, user_type, global_permission, password_hash""";

	private static final RowMapper<User> ROW_MAPPER = (rs, rowNum) -> new User(rs.getLong("id"), rs.getString("name"),
			rs.getString("slug"), rs.getString("display_name"), rs.getString("email_address"),
			rs.getBoolean("active"), UserType.valueOf(rs.getString("user_type")),
			Optional.ofNullable(rs.getString("global_permission")).map(GlobalPermission::valueOf).orElse(null),
			rs.getString("password_hash"));

	private final JdbcClient jdbc;

	UserStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the user and returns its new id; throws {@link DuplicateKeyException} for a taken name or slug. */
	long insert(User user, long createdDate) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO app_user (name, name_key, slug, display_name, email_address, active, user_type,
				                      global_permission, password_hash, created_date)
				VALUES (:name, :nameKey, :slug, :displayName, :email, :active, :type, :permission, :hash, :created)
				""")
			.param("name", user.name())
			.param("nameKey", nameKey(user.name()))
			.param("slug", user.slug())
			.param("displayName", user.displayName())
			.param("email", user.emailAddress())
			.param("active", user.active())
			.param("type", user.type().name())
			.param("permission", user.permission() == null ? null : user.permission().name())
			.param("hash", user.passwordHash())
			.param("created", createdDate)
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<User> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id")
			.param("id", id)
			.query(ROW_MAPPER)
			.optional();
	}

	/** The users with these ids that exist, in no particular order. */
	List<User> findByIds(Collection<Long> ids) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id IN (:ids)")
			.param("ids", ids)
			.query(ROW_MAPPER)
			.list();
	}

	Optional<User> findByName(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE name_key = :nameKey")
			.param("nameKey", nameKey(name))
			.query(ROW_MAPPER)
			.optional();
	}

	Optional<User> findBySlug(String slug) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE slug = :slug")
			.param("slug", slug.toLowerCase(Locale.ROOT))
			.query(ROW_MAPPER)
			.optional();
	}

	/**
	 * Users whose name, display name or email address contains {@code filter} (ignoring case),
	 * ordered by name; {@code licensedOnly} keeps those holding a global permission.
	 */
	List<User> find(String filter, boolean licensedOnly, PageRequest page) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM app_user
				WHERE user_type = 'NORMAL'
				  AND (:licensedOnly = FALSE OR global_permission IS NOT NULL)
				  AND (LOWER(name) LIKE :pattern ESCAPE '\\'
				       OR LOWER(display_name) LIKE :pattern ESCAPE '\\'
				       OR LOWER(email_address) LIKE :pattern ESCAPE '\\')
				ORDER BY name_key, id
				LIMIT :limit OFFSET :offset
				""")
			.param("licensedOnly", licensedOnly)
			.param("pattern", LikePattern.containing(filter))
			.param("limit", page.fetchSize())
			.param("offset", page.start())
			.query(ROW_MAPPER)
			.list();
	}

	boolean isEmpty() {
		return this.jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() == 0;
	}

	void updatePasswordHash(long id, String hash) {
		this.jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
			.param("hash", hash)
			.param("id", id)
			.update();
	}

	void updatePermission(long id, GlobalPermission permission) {
		this.jdbc.sql("UPDATE app_user SET global_permission = :permission WHERE id = :id")
			.param("permission", permission == null ? null : permission.name())
			.param("id", id)
			.update();
	}

	void updateDetails(long id, String displayName, String emailAddress) {
		this.jdbc.sql("UPDATE app_user SET display_name = :displayName, email_address = :email WHERE id = :id")
			.param("displayName", displayName)
			.param("email", emailAddress)
			.param("id", id)
			.update();
	}

	/** Deletes the user; their tokens go with them (the foreign key cascades). */
	void delete(long id) {
		this.jdbc.sql("DELETE FROM app_user WHERE id = :id").param("id", id).update();
	}

	/**
	 * Locks the user's row until the transaction ends, serialising changes that depend on it.
	 * Returns false if there is no such user (any more).
	 */
	boolean lock(long id) {
		return this.jdbc.sql("SELECT id FROM app_user WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	static String nameKey(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
