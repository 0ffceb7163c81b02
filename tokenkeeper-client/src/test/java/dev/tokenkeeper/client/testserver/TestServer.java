package dev.tokenkeeper.client.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tokenkeeper.server.TokenkeeperApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * A real Tokenkeeper server on a random loopback port with its own data directory, for one test
 * class. {@link #strict()} starts it with {@code tokenkeeper.bitbucket-strict=true}: every
 * extension gone, it stands in for Bitbucket Server. Its clock can be moved (to make tokens that
 * expired in the past); it follows the system clock otherwise.
 */
public final class TestServer implements AutoCloseable {

	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "admin-Test-pw-1";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final ConfigurableApplicationContext context;

	private final Path home;

	private final AtomicInteger users = new AtomicInteger();

	private TestServer(ConfigurableApplicationContext context, Path home) {
		this.context = context;
		this.home = home;
	}

	/** Tokenkeeper with its extensions. */
	public static TestServer tokenkeeper(String... properties) {
		return start(false, properties);
	}

	/** Tokenkeeper in strict mode: exactly Bitbucket's API, no extensions. */
	public static TestServer strict(String... properties) {
		return start(true, properties);
	}

	private static TestServer start(boolean strict, String... properties) {
		Path home = tempDirectory();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--tokenkeeper.home=" + home, "--tokenkeeper.users.admin-username=" + ADMIN,
				"--tokenkeeper.users.admin-password=" + ADMIN_PASSWORD, "--tokenkeeper.bitbucket-strict=" + strict,
				"--logging.level.root=WARN"));
		for (String property : properties) {
			args.add("--" + property);
		}
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TokenkeeperApplication.class,
				MovableClockConfig.class)
			.run(args.toArray(String[]::new));
		return new TestServer(context, home);
	}

	public int port() {
		return Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port"));
	}

	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + port());
	}

	public MovableClock clock() {
		return this.context.getBean(MovableClock.class);
	}

	/** Creates a user through Bitbucket's admin API; returns its unique name. Its password is {@link #passwordOf}. */
	public String createUser(String prefix) {
		String name = prefix + "-" + this.users.incrementAndGet();
		int status = send("POST", "/rest/api/1.0/admin/users?name=" + name + "&password=" + passwordOf(name)
				+ "&displayName=" + name + "&emailAddress=" + name + "@example.com", ADMIN, ADMIN_PASSWORD)
			.statusCode();
		if (status != 204) {
			throw new IllegalStateException("Creating user " + name + " answered " + status);
		}
		return name;
	}

	/** Creates a project (as the administrator, who then holds every permission on it). */
	public void createProject(String key) {
		expectCreated(sendJson("POST", "/rest/api/1.0/projects", "{\"key\":\"" + key + "\",\"name\":\"" + key + "\"}"));
	}

	/** Creates a repository in a project; its slug is its name in lower case. */
	public void createRepository(String projectKey, String name) {
		expectCreated(sendJson("POST", "/rest/api/1.0/projects/" + projectKey + "/repos", "{\"name\":\"" + name + "\"}"));
	}

	private HttpResponse<String> sendJson(String method, String path, String json) {
		String basic = Base64.getEncoder()
			.encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(baseUri().resolve(path))
			.header("Authorization", "Basic " + basic)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	private static void expectCreated(HttpResponse<String> response) {
		if (response.statusCode() != 201) {
			throw new IllegalStateException(response.request().uri() + " answered " + response.statusCode() + ": "
					+ response.body());
		}
	}

	public static String passwordOf(String user) {
		return "pw-" + user + "-Secret";
	}

	/** A plain request with Basic credentials, independent of the client under test. */
	public HttpResponse<String> send(String method, String path, String user, String secret) {
		String basic = Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(baseUri().resolve(path))
			.header("Authorization", "Basic " + basic)
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build());
	}

	/** A plain GET with a Bearer token, independent of the client under test. */
	public int statusWithBearer(String path, String token) {
		return send(HttpRequest.newBuilder(baseUri().resolve(path)).header("Authorization", "Bearer " + token).build())
			.statusCode();
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		this.context.close();
		try (java.util.stream.Stream<Path> files = Files.walk(this.home)) {
			files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			// A leftover temporary directory is harmless.
		}
	}

	private static Path tempDirectory() {
		try {
			return Files.createTempDirectory("tokenkeeper-client-test");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class MovableClockConfig {

		@Bean
		@Primary
		MovableClock movableClock() {
			return new MovableClock();
		}

	}

	/** Follows the system clock, or a fixed offset from it. */
	public static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		/** Runs {@code action} with the server's clock {@code ago} in the past, then puts it back. */
		public <T> T at(Duration ago, java.util.function.Supplier<T> action) {
			this.offset = ago.negated();
			try {
				return action.get();
			}
			finally {
				this.offset = Duration.ZERO;
			}
		}

		@Override
		public java.time.Instant instant() {
			return java.time.Instant.now().plus(this.offset);
		}

		@Override
		public java.time.ZoneId getZone() {
			return java.time.ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
