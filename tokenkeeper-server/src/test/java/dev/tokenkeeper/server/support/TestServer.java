package dev.tokenkeeper.server.support;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tokenkeeper.server.TokenkeeperApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A real server of its own, for tests that need settings or a lifecycle the shared one cannot have. */
public final class TestServer implements AutoCloseable {

	public static final String ADMIN_PASSWORD = "own-server-admin-pw";

	private final ConfigurableApplicationContext context;

	private TestServer(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts a server on a random loopback port, with its data in {@code home} (and on PostgreSQL a
	 * new database, see {@link TestDatabase}) and any extra {@code --name=value} arguments.
	 */
	public static TestServer start(Path home, String... arguments) {
		return start(home, 0, arguments);
	}

	/** {@link #start(Path, String...)} on a given port, for tests that talk to the server while it starts. */
	public static TestServer start(Path home, int port, String... arguments) {
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--tokenkeeper.users.admin-password=" + ADMIN_PASSWORD));
		args.addAll(List.of(TestDatabase.arguments(TestDatabase.fresh(home))));
		args.addAll(List.of(arguments));
		return new TestServer(new SpringApplicationBuilder(TokenkeeperApplication.class, TestClockConfig.class)
			.run(args.toArray(String[]::new)));
	}

	public Http http() {
		return new Http(Integer.parseInt(this.context.getEnvironment().getProperty("local.server.port")));
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
