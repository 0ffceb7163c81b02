package dev.tokenkeeper.server.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;

import dev.tokenkeeper.server.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The migration that moves each token's last use into a table of its own, on a database holding tokens. */
class TokenUseMigrationIntegrationTests {

	private static final long USED_AT = 1_780_000_000_000L;

	@TempDir
	Path home;

	@Test
	void migrateWhenTokensWereUsedThenTheirLastUseMovesAndTheOldColumnStaysForOlderNodes() throws SQLException {
		try (Connection connection = TestDatabase.connect(this.home)) {
			SingleConnectionDataSource dataSource = new SingleConnectionDataSource(connection, true);
			JdbcClient jdbc = JdbcClient.create(dataSource);
			migrate(dataSource, "5");
			jdbc.sql("""
					INSERT INTO app_user (name, name_key, slug, display_name, active, user_type, created_date)
					VALUES ('ada', 'ada', 'ada', 'Ada', TRUE, 'NORMAL', 0)
					""").update();
			long userId = jdbc.sql("SELECT id FROM app_user").query(Long.class).single();
			for (String id : new String[] { "used00000001", "never0000001" }) {
				jdbc.sql("""
						INSERT INTO access_token (id, owner_type, owner_id, user_id, name, repository_permission,
						                          project_permission, created_date, last_authenticated, secret_hash)
						VALUES (:id, 'USER', :user, :user, :id, 'REPO_READ', 'PROJECT_READ', 0, :used, :hash)
						""")
					.param("id", id)
					.param("user", userId)
					.param("used", id.startsWith("used") ? USED_AT : null, Types.BIGINT)
					.param("hash", new byte[32])
					.update();
			}

			migrate(dataSource, "6");

			assertThat(jdbc.sql("SELECT token_id, last_authenticated FROM token_use")
				.query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
				.list()).containsExactly(Map.entry("used00000001", USED_AT));
			// what a node of the previous version reads during a rolling upgrade is still there
			assertThat(jdbc.sql("SELECT last_authenticated FROM access_token WHERE id = 'used00000001'")
				.query(Long.class)
				.single()).isEqualTo(USED_AT);
			jdbc.sql("DELETE FROM access_token WHERE id = 'used00000001'").update();
			assertThat(jdbc.sql("SELECT COUNT(*) FROM token_use").query(Long.class).single()).isZero();
		}
	}

	private static void migrate(SingleConnectionDataSource dataSource, String version) {
		Flyway.configure().dataSource(dataSource).target(version).load().migrate();
	}

}
