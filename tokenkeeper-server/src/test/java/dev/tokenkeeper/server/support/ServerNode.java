package dev.tokenkeeper.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

import dev.tokenkeeper.server.TokenkeeperApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Tokenkeeper server started in this JVM on a random port, with a clock tests can set. */
public final class ServerNode implements AutoCloseable {

	private static final ReentrantLock LOGGING_SET_UP = new ReentrantLock();

	private final String name;

	private final ConfigurableApplicationContext context;

	private final Http http;

	private ServerNode(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
		this.http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	/**
	 * Starts a server with these properties (on PostgreSQL, its name names its database
	 * connections). Several may start at once, from different threads: only the set-up of the
	 * logging system, which the JVM's servers share and Spring Boot resets at every start, is taken
	 * one at a time (two at once could fail with "Unable to find Spring Environment in logger
	 * context"); everything after it, the database's migration included, runs concurrently.
	 */
	public static ServerNode start(String name, Map<String, String> properties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
		if (properties.getOrDefault("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
			arguments.add("--spring.datasource.hikari.data-source-properties.ApplicationName=" + name);
		}
		arguments.addAll(List.of(TestDatabase.arguments(properties)));
		LOGGING_SET_UP.lock();
		try {
			return new ServerNode(name, new SpringApplicationBuilder(TokenkeeperApplication.class, TestClockConfig.class)
				.listeners((ApplicationListener<ApplicationContextInitializedEvent>) event -> releaseLoggingSetUp())
				.run(arguments.toArray(String[]::new)));
		}
		finally {
			releaseLoggingSetUp();
		}
	}

	private static void releaseLoggingSetUp() {
		if (LOGGING_SET_UP.isHeldByCurrentThread()) {
			LOGGING_SET_UP.unlock();
		}
	}

	public String name() {
		return this.name;
	}

	public Http http() {
		return this.http;
	}

	public MutableClock clock() {
		return this.context.getBean(MutableClock.class);
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Override
	public String toString() {
		return this.name;
	}

}
