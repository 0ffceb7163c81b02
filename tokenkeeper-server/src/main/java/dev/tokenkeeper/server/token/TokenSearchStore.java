package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.tokenkeeper.server.support.LikePattern;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Token listings filtered, ordered and paged by the database, never by loading every token: the
 * WHERE clause is put together from fixed fragments, one per filter in use, with named parameters.
 */
@Repository
class TokenSearchStore {

	private final JdbcClient jdbc;

	TokenSearchStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Tokens matching the query, of one owner or of all ({@code owner} is {@code null}), filtered
	 * and ordered in the database; empty values (never used, never expires) sort last.
	 */
	List<AccessToken> search(TokenOwner owner, TokenQuery query, Instant now, PageRequest page) {
		StringBuilder where = new StringBuilder("WHERE 1 = 1");
		Map<String, Object> params = new HashMap<>();
		if (owner != null) {
			where.append(" AND owner_type = :ownerType AND owner_id = :ownerId");
			params.put("ownerType", owner.type().name());
			params.put("ownerId", owner.id());
		}
		if (query.text() != null) {
			where.append(" AND LOWER(name) LIKE :pattern ESCAPE '\\'");
			params.put("pattern", LikePattern.containing(query.text()));
		}
		if (query.expiringWithinDays() != null) {
			where.append(" AND expiry_date > :now AND expiry_date <= :expiringBy");
			params.put("expiringBy", now.plus(Duration.ofDays(query.expiringWithinDays())).toEpochMilli());
		}
		if (query.expired()) {
			where.append(" AND expiry_date <= :now");
		}
		if (query.neverUsed()) {
			where.append(" AND token_use.last_authenticated IS NULL");
		}
		params.put("now", now.toEpochMilli());
		params.put("limit", page.fetchSize());
		params.put("offset", page.start());
		String direction = query.descending() ? " DESC" : " ASC";
		return this.jdbc.sql(AccessTokenStore.SELECT + where + " ORDER BY "
				+ sortColumn(query.sort()) + direction + " NULLS LAST, id" + direction
				+ " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(AccessTokenStore.ROW_MAPPER)
			.list();
	}

	private static String sortColumn(TokenQuery.Sort sort) {
		return switch (sort) {
			case NAME -> "LOWER(name)";
			case CREATED -> "created_date";
			case LAST_USED -> "token_use.last_authenticated";
			case EXPIRY -> "expiry_date";
		};
	}

}
