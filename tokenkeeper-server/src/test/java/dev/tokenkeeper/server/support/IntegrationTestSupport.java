package dev.tokenkeeper.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the full-server tests: one real server on a random port with a fresh database (an H2
 * file in a fresh directory, or a PostgreSQL database, see {@link TestDatabase}), shared by every
 * test class that extends this (Spring caches the context). Tests isolate themselves by creating
 * their own users.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestClockConfig.class)
public abstract class IntegrationTestSupport {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-Secret-pw-1";

	private static final Path HOME = createHome();

	private static final Map<String, String> DATABASE = TestDatabase.fresh(HOME);

	private static final AtomicInteger USER_SEQUENCE = new AtomicInteger();

	@LocalServerPort
	private int port;

	@Autowired
	protected MutableClock clock;

	protected Http http;

	@DynamicPropertySource
	static void serverProperties(DynamicPropertyRegistry registry) {
		DATABASE.forEach((name, value) -> registry.add(name, () -> value));
		registry.add("tokenkeeper.users.admin-username", () -> ADMIN);
		registry.add("tokenkeeper.users.admin-password", () -> ADMIN_PASSWORD);
		registry.add("server.address", () -> "127.0.0.1");
		// Every test client shares 127.0.0.1: only the throttling tests (with their own server) may trip it.
		registry.add("tokenkeeper.security.throttle.address-capacity", () -> "1000000");
		// Expiry scans and token use flushes run only when a test asks for one.
		registry.add("tokenkeeper.notifications.scan-interval", () -> "3650d");
		registry.add("tokenkeeper.tokens.usage-flush-interval", () -> "3650d");
	}

	@BeforeEach
	void createClient() {
		this.http = new Http(this.port);
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/** Creates a user (through the admin API) with a unique name and returns that name; its password is {@link #passwordOf}. */
	protected String createUser(String prefix) {
		String name = prefix + "-" + USER_SEQUENCE.incrementAndGet();
		Http.Response response = this.http
			.post("/rest/api/1.0/admin/users?name=" + name + "&password=" + passwordOf(name) + "&displayName="
					+ name.toUpperCase() + "&emailAddress=" + name + "@example.com")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		return name;
	}

	protected static String passwordOf(String user) {
		return "pw-" + user + "-Secret";
	}

	/** Creates a token for the user (by password) and returns the whole create response. */
	protected JsonNode createToken(String user, String body) {
		Http.Response response = this.http.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json(body)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	protected JsonNode createToken(String user) {
		return createToken(user, "{\"name\":\"token\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}");
	}

	protected static void assertErrors(Http.Response response, int status, String context) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode errors = response.json().get("errors");
		assertThat(errors.isArray()).isTrue();
		assertThat(errors.size()).isEqualTo(1);
		JsonNode error = errors.get(0);
		assertThat(List.copyOf(error.propertyNames())).containsExactly("context", "message", "exceptionName");
		assertThat(error.get("message").asString()).isNotBlank();
		if (context == null) {
			assertThat(error.get("context").isNull()).as(response.toString()).isTrue();
		}
		else {
			assertThat(error.get("context").asString()).as(response.toString()).isEqualTo(context);
		}
		assertThat(response.body()).doesNotContain("at dev.tokenkeeper", "at org.springframework", "Exception:");
	}

	private static Path createHome() {
		try {
			return Files.createTempDirectory("tokenkeeper-it");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
