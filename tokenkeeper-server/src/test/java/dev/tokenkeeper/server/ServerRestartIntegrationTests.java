package dev.tokenkeeper.server;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.MutableClock;
import dev.tokenkeeper.server.support.TestClockConfig;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Everything acknowledged survives a restart on the same database. Each test uses its own data
 * directory and database (H2 or PostgreSQL, as the test run says).
 */
class ServerRestartIntegrationTests {

	private static final String ADMIN_PASSWORD = "restart-admin-pw";

	@TempDir
	Path home;

	private Map<String, String> database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.fresh(this.home);
	}

	@Test
	void restartWhenSameDatabaseThenUsersTokensAndLastUseSurvive() {
		String kept;
		String deleted;
		String keptId;
		long usedAt;
		try (ConfigurableApplicationContext first = start()) {
			Http http = new Http(port(first));
			assertThat(http.post("/rest/api/1.0/admin/users?name=carol&password=carol-pw&displayName=Carol"
					+ "&emailAddress=carol@example.com")
				.basicAuth("admin", ADMIN_PASSWORD)
				.send()
				.status()).isEqualTo(204);
			JsonNode keptToken = createToken(http, "kept");
			kept = keptToken.get("token").asString();
			keptId = keptToken.get("id").asString();
			JsonNode deletedToken = createToken(http, "deleted");
			deleted = deletedToken.get("token").asString();
			assertThat(http.delete("/rest/access-tokens/1.0/users/carol/" + deletedToken.get("id").asString())
				.basicAuth("carol", "carol-pw")
				.send()
				.status()).isEqualTo(204);
			assertThat(http.get("/rest/access-tokens/1.0/users/carol").bearer(kept).send().status()).isEqualTo(200);
			usedAt = http.get("/rest/access-tokens/1.0/users/carol/" + keptId)
				.basicAuth("carol", "carol-pw")
				.send()
				.json()
				.get("lastAuthenticated")
				.asLong();
		}

		try (ConfigurableApplicationContext second = start()) {
			Http http = new Http(port(second));
			JsonNode token = http.get("/rest/access-tokens/1.0/users/carol/" + keptId)
				.basicAuth("carol", "carol-pw")
				.send()
				.json();
			assertThat(token.get("name").asString()).isEqualTo("kept");
			assertThat(token.get("lastAuthenticated").asLong()).isEqualTo(usedAt);
			assertThat(http.get("/rest/access-tokens/1.0/users/carol").bearer(kept).send().status()).isEqualTo(200);
			assertThat(http.get("/rest/access-tokens/1.0/users/carol").bearer(deleted).send().status()).isEqualTo(401);
			assertThat(http.get("/rest/access-tokens/1.0/users/carol")
				.basicAuth("carol", "carol-pw")
				.send()
				.json()
				.get("size")
				.asInt()).isEqualTo(1);
			assertThat(http.get("/rest/api/1.0/admin/users").basicAuth("admin", ADMIN_PASSWORD).send().json().get("size").asInt())
				.isEqualTo(2);
		}
		assertThat(usedAt).isLessThanOrEqualTo(Instant.now().toEpochMilli());
	}

	@Test
	void restartWhenInTheMiddleOfAnOverlapWindowThenTheOldSecretKeepsItsDeadline() {
		Instant rotatedAt = Instant.parse("2026-09-09T09:00:00Z");
		String old;
		String fresh;
		try (ConfigurableApplicationContext first = start()) {
			first.getBean(MutableClock.class).setInstant(rotatedAt);
			Http http = new Http(port(first));
			assertThat(http.post("/rest/api/1.0/admin/users?name=carol&password=carol-pw&displayName=Carol"
					+ "&emailAddress=carol@example.com")
				.basicAuth("admin", ADMIN_PASSWORD)
				.send()
				.status()).isEqualTo(204);
			JsonNode token = createToken(http, "rotating");
			old = token.get("token").asString();
			Http.Response rotated = http.post("/rest/access-tokens/1.0/users/carol/" + token.get("id").asString() + "/rotate")
				.basicAuth("carol", "carol-pw")
				.json("{\"gracePeriodMinutes\":60}")
				.send();
			assertThat(rotated.status()).isEqualTo(200);
			fresh = rotated.json().get("token").asString();
		}

		try (ConfigurableApplicationContext second = start()) {
			MutableClock clock = second.getBean(MutableClock.class);
			Http http = new Http(port(second));
			clock.setInstant(rotatedAt.plus(Duration.ofMinutes(60)).minusMillis(1));
			assertThat(http.get("/rest/access-tokens/1.0/users/carol").bearer(old).send().status()).isEqualTo(200);
			clock.setInstant(rotatedAt.plus(Duration.ofMinutes(60)));
			assertThat(http.get("/rest/access-tokens/1.0/users/carol").bearer(old).send().status()).isEqualTo(401);
			assertThat(http.get("/rest/access-tokens/1.0/users/carol").bearer(fresh).send().status()).isEqualTo(200);
		}
	}

	private static JsonNode createToken(Http http, String name) {
		Http.Response response = http.put("/rest/access-tokens/1.0/users/carol")
			.basicAuth("carol", "carol-pw")
			.json("{\"name\":\"" + name + "\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"],\"expiryDays\":90}")
			.send();
		assertThat(response.status()).isEqualTo(200);
		return response.json();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(TokenkeeperApplication.class, TestClockConfig.class)
			.run(Stream.concat(Stream.of("--server.port=0", "--server.address=127.0.0.1",
					"--tokenkeeper.users.admin-password=" + ADMIN_PASSWORD), Stream.of(TestDatabase.arguments(this.database)))
				.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
