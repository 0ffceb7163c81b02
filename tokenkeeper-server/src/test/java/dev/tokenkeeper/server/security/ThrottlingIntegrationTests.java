package dev.tokenkeeper.server.security;

import java.nio.file.Path;
import java.time.Instant;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed authentications are throttled per user name (password logins) and per source address
 * (any credentials), with 429, Retry-After and Bitbucket's errors JSON, and no lock-out lasts
 * longer than one refill interval. Each test has a server of its own: all clients share 127.0.0.1.
 */
class ThrottlingIntegrationTests {

	@TempDir
	Path home;

	@Test
	void passwordLoginWhenTheNameHadTooManyFailuresThenRefusedWith429UntilTheBucketRefills() {
		try (TestServer server = TestServer.start(this.home, "--tokenkeeper.security.throttle.name-capacity=3",
				"--tokenkeeper.security.throttle.name-refill=1h")) {
			Http http = server.http();
			createUser(http, "victim");
			createUser(http, "bystander");
			String token = createToken(http, "victim");
			for (int i = 0; i < 3; i++) {
				assertThat(list(http, Http.basic("victim", "wrong-" + i))).isEqualTo(401);
			}

			Http.Response throttled = http.get("/rest/access-tokens/1.0/users/victim")
				.basicAuth("victim", "victim-pw")
				.send();

			assertThat(throttled.status()).isEqualTo(429);
			assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(3000L, 3600L);
			assertThat(throttled.json().get("errors").get(0).get("message").asString()).contains("Too many");
			assertThat(list(http, Http.basic("bystander", "bystander-pw"))).isEqualTo(200);
			assertThat(list(http, Http.bearer(token))).as("tokens are not throttled by name").isEqualTo(200);
			assertThat(list(http, Http.basic("victim", token))).isEqualTo(200);
		}
	}

	@Test
	void passwordLoginWhenItSucceedsThenTheNamesFailuresAreForgotten() {
		try (TestServer server = TestServer.start(this.home, "--tokenkeeper.security.throttle.name-capacity=3",
				"--tokenkeeper.security.throttle.name-refill=1h")) {
			Http http = server.http();
			createUser(http, "forgetful");
			for (int round = 0; round < 3; round++) {
				assertThat(list(http, Http.basic("forgetful", "typo-1"))).isEqualTo(401);
				assertThat(list(http, Http.basic("forgetful", "typo-2"))).isEqualTo(401);
				assertThat(list(http, Http.basic("forgetful", "forgetful-pw"))).isEqualTo(200);
			}
		}
	}

	@Test
	void anyCredentialWhenTheAddressHadTooManyFailuresThenRefusedAndTheLockOutEndsByItself() {
		try (TestServer server = TestServer.start(this.home, "--tokenkeeper.security.throttle.address-capacity=3",
				"--tokenkeeper.security.throttle.address-refill=2s")) {
			Http http = server.http();
			for (int i = 0; i < 3; i++) {
				assertThat(list(http, Http.bearer("BBDC-guess" + i))).isEqualTo(401);
			}

			Http.Response throttled = http.get("/rest/api/1.0/users").basicAuth("admin", TestServer.ADMIN_PASSWORD).send();

			assertThat(throttled.status()).isEqualTo(429);
			assertThat(throttled.header("Retry-After")).isIn("1", "2");
			assertThat(throttled.header("Content-Type")).startsWith("application/json");
			assertThat(http.get("/rest/api/1.0/users").send().status()).as("anonymous requests prove nothing")
				.isEqualTo(401);
			Instant deadline = Instant.now().plusSeconds(10);
			while (http.get("/rest/api/1.0/users").basicAuth("admin", TestServer.ADMIN_PASSWORD).send().status() == 429) {
				assertThat(Instant.now()).as("throttling ends within one refill interval").isBefore(deadline);
				Thread.onSpinWait();
			}
			assertThat(http.get("/rest/api/1.0/users").basicAuth("admin", TestServer.ADMIN_PASSWORD).send().status())
				.isEqualTo(200);
		}
	}

	private static int list(Http http, String auth) {
		return http.get("/rest/api/1.0/users").auth(auth).send().status();
	}

	private static void createUser(Http http, String name) {
		assertThat(http.post("/rest/api/1.0/admin/users?name=" + name + "&password=" + name + "-pw&displayName=" + name
				+ "&emailAddress=" + name + "@example.com")
			.basicAuth("admin", TestServer.ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
	}

	private static String createToken(Http http, String user) {
		Http.Response response = http.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, user + "-pw")
			.json("{\"name\":\"t\",\"permissions\":[\"REPO_READ\"]}")
			.send();
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("token").asString();
	}

}
