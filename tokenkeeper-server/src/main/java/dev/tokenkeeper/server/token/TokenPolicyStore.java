package dev.tokenkeeper.server.token;

import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class TokenPolicyStore {

	private static final RowMapper<TokenPolicy> ROW_MAPPER = (rs, rowNum) -> new TokenPolicy(
			rs.getBoolean("require_expiry"), rs.getObject("max_expiry_days", Integer.class),
			rs.getInt("max_tokens_per_owner"), rs.getInt("renew_expired_within_days"), rs.getBoolean("self_rotation"),
			rs.getInt("max_rotation_grace_minutes"));

	private final JdbcClient jdbc;

	TokenPolicyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<TokenPolicy> find() {
		return this.jdbc.sql("""
				SELECT require_expiry, max_expiry_days, max_tokens_per_owner, renew_expired_within_days,
				       self_rotation, max_rotation_grace_minutes
				  FROM token_policy WHERE id = 1
				""").query(ROW_MAPPER).optional();
	}

	void save(TokenPolicy policy, long now) {
		int updated = statement("""
				UPDATE token_policy
				   SET require_expiry = :requireExpiry, max_expiry_days = :maxExpiryDays,
				       max_tokens_per_owner = :maxTokensPerOwner, renew_expired_within_days = :renewWithin,
				       self_rotation = :selfRotation, max_rotation_grace_minutes = :maxGrace, updated_date = :now
				 WHERE id = 1
				""", policy, now).update();
		if (updated == 0) {
			statement("""
					INSERT INTO token_policy (id, require_expiry, max_expiry_days, max_tokens_per_owner,
					                          renew_expired_within_days, self_rotation, max_rotation_grace_minutes,
					                          updated_date)
					VALUES (1, :requireExpiry, :maxExpiryDays, :maxTokensPerOwner, :renewWithin, :selfRotation,
					        :maxGrace, :now)
					""", policy, now).update();
		}
	}

	private JdbcClient.StatementSpec statement(String sql, TokenPolicy policy, long now) {
		return this.jdbc.sql(sql)
			.param("requireExpiry", policy.requireExpiry())
			.param("maxExpiryDays", policy.maxExpiryDays())
			.param("maxTokensPerOwner", policy.maxTokensPerOwner())
			.param("renewWithin", policy.renewExpiredWithinDays())
			.param("selfRotation", policy.selfRotation())
			.param("maxGrace", policy.maxRotationGraceMinutes())
			.param("now", now);
	}

}
