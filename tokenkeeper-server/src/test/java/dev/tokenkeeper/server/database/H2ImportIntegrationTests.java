package dev.tokenkeeper.server.database;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.ServerNode;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented way from the embedded H2 database to PostgreSQL: stop the server, run
 * {@code import-h2} against an empty PostgreSQL database, start the server on PostgreSQL.
 */
@Tag(TestDatabase.ALWAYS_POSTGRESQL)
class H2ImportIntegrationTests {

	private static final String ADMIN_PASSWORD = "import-admin-pw";

	@TempDir
	Path h2Home;

	@TempDir
	Path postgresHome;

	@Test
	void importWhenH2InstallationIsStoppedThenTheServerOnPostgresqlAuthenticatesItsTokensAndPasswords() {
		String plain;
		String rotatedOld;
		String rotatedNew;
		String plainId;
		long lastUsed;
		try (ServerNode h2 = ServerNode.start("h2", withAdmin(Map.of("tokenkeeper.home", this.h2Home.toString())))) {
			Http http = h2.http();
			assertThat(http.post("/rest/api/1.0/admin/users?name=dora&password=dora-pw&displayName=Dora"
					+ "&emailAddress=dora@example.com").basicAuth("admin", ADMIN_PASSWORD).send().status()).isEqualTo(204);
			JsonNode token = createToken(http, "plain");
			plain = token.get("token").asString();
			plainId = token.get("id").asString();
			JsonNode rotating = createToken(http, "rotating");
			rotatedOld = rotating.get("token").asString();
			Http.Response rotated = http.post("/rest/access-tokens/1.0/users/dora/" + rotating.get("id").asString() + "/rotate")
				.basicAuth("dora", "dora-pw")
				.json("{\"gracePeriodMinutes\":600}")
				.send();
			assertThat(rotated.status()).isEqualTo(200);
			rotatedNew = rotated.json().get("token").asString();
			assertThat(http.post("/rest/api/1.0/projects").basicAuth("admin", ADMIN_PASSWORD)
				.json("{\"key\":\"OPS\",\"name\":\"Operations\"}").send().status()).isEqualTo(201);
			assertThat(http.put("/rest/api/1.0/projects/OPS/permissions/users?name=dora&permission=PROJECT_WRITE")
				.basicAuth("admin", ADMIN_PASSWORD).send().status()).isEqualTo(204);
			assertThat(http.put("/rest/access-tokens/latest/admin/settings").basicAuth("admin", ADMIN_PASSWORD)
				.json("{\"maxTokensPerOwner\":7}").send().status()).isEqualTo(200);
			assertThat(http.get("/rest/api/1.0/users/dora").bearer(plain).send().status()).isEqualTo(200);
			lastUsed = http.get("/rest/access-tokens/1.0/users/dora/" + plainId).basicAuth("dora", "dora-pw").send()
				.json().get("lastAuthenticated").asLong();
		}
		Map<String, String> postgres = TestDatabase.freshPostgresql(this.postgresHome);

		Result result = importH2(this.h2Home, postgres);

		assertThat(result.exitCode()).as(result.err()).isZero();
		assertThat(result.out()).contains("app_user: 2", "access_token: 2", "project: 1", "project_user_grant: 2",
				"token_policy: 1", "retired_secret: 0", "token_use: 1");
		try (ServerNode pg = ServerNode.start("imported", withAdmin(postgres))) {
			Http http = pg.http();
			JsonNode kept = http.get("/rest/access-tokens/1.0/users/dora/" + plainId).basicAuth("dora", "dora-pw").send().json();
			assertThat(kept.get("name").asString()).isEqualTo("plain");
			assertThat(kept.get("lastAuthenticated").asLong()).isEqualTo(lastUsed);
			assertThat(http.get("/rest/api/1.0/users/dora").bearer(plain).send().status()).isEqualTo(200);
			assertThat(http.get("/rest/api/1.0/users/dora").bearer(rotatedOld).send().status()).isEqualTo(200);
			assertThat(http.get("/rest/api/1.0/users/dora").bearer(rotatedNew).send().status()).isEqualTo(200);
			assertThat(http.get("/rest/api/1.0/users/dora").bearer("BBDC-nonsense").send().status()).isEqualTo(401);
			assertThat(http.get("/rest/api/1.0/users/dora").basicAuth("dora", "dora-pw").send().status()).isEqualTo(200);
			assertThat(http.get("/rest/api/1.0/projects/OPS").bearer(plain).send().status()).isEqualTo(200);
			assertThat(http.get("/rest/access-tokens/latest/admin/settings").basicAuth("admin", ADMIN_PASSWORD).send()
				.json().get("maxTokensPerOwner").asInt()).isEqualTo(7);
			// New rows get ids after the imported ones.
			assertThat(http.post("/rest/api/1.0/admin/users?name=eve&password=eve-pw&displayName=Eve"
					+ "&emailAddress=eve@example.com").basicAuth("admin", ADMIN_PASSWORD).send().status()).isEqualTo(204);
			assertThat(http.post("/rest/api/1.0/projects").basicAuth("admin", ADMIN_PASSWORD)
				.json("{\"key\":\"DEV\",\"name\":\"Development\"}").send().status()).isEqualTo(201);
			assertThat(http.get("/rest/api/1.0/users/eve").basicAuth("eve", "eve-pw").send().status()).isEqualTo(200);
		}
	}

	@Test
	void importWhenTargetAlreadyHasDataThenRefusedAndNothingChanges() throws SQLException {
		try (ServerNode h2 = ServerNode.start("h2", withAdmin(Map.of("tokenkeeper.home", this.h2Home.toString())))) {
			assertThat(h2.http().get("/rest/api/1.0/users").basicAuth("admin", ADMIN_PASSWORD).send().status()).isEqualTo(200);
		}
		Map<String, String> postgres = TestDatabase.freshPostgresql(this.postgresHome);
		assertThat(importH2(this.h2Home, postgres).exitCode()).isZero();

		Result again = importH2(this.h2Home, postgres);

		assertThat(again.exitCode()).isEqualTo(1);
		assertThat(again.err()).contains("not empty");
		assertThat(countUsers(postgres)).isEqualTo(1);
	}

	@Test
	void importWhenNoH2DatabaseOrNoPostgresqlTargetThenRefused() throws IOException {
		Map<String, String> postgres = TestDatabase.freshPostgresql(this.postgresHome);
		Result missing = importH2(this.h2Home.resolve("nothing-here"), postgres);
		assertThat(missing.exitCode()).isEqualTo(1);
		assertThat(missing.err()).contains("no Tokenkeeper H2 database");

		Files.createDirectories(this.h2Home.resolve("db"));
		Files.createFile(this.h2Home.resolve("db").resolve("tokenkeeper.mv.db"));
		Result toH2 = importH2(this.h2Home, Map.of("tokenkeeper.home", this.postgresHome.toString()));
		assertThat(toH2.exitCode()).isEqualTo(1);
		assertThat(toH2.err()).contains("the target must be PostgreSQL");
		assertThat(this.postgresHome.resolve("db")).doesNotExist();
	}

	private static long countUsers(Map<String, String> database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(database.get("spring.datasource.url"),
				database.get("spring.datasource.username"), database.get("spring.datasource.password"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM app_user")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static Map<String, String> withAdmin(Map<String, String> properties) {
		Map<String, String> all = new LinkedHashMap<>(properties);
		all.put("tokenkeeper.users.admin-password", ADMIN_PASSWORD);
		return all;
	}

	private static JsonNode createToken(Http http, String name) {
		Http.Response response = http.put("/rest/access-tokens/1.0/users/dora")
			.basicAuth("dora", "dora-pw")
			.json("{\"name\":\"" + name + "\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"],\"expiryDays\":90}")
			.send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private static Result importH2(Path home, Map<String, String> target) {
		List<String> args = new ArrayList<>(List.of(home.toString()));
		args.addAll(List.of(TestDatabase.arguments(target)));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exitCode = H2Import.run(args.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Result(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, String out, String err) {
	}

}
