package dev.tokenkeeper.server.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tokenkeeper.server.TokenkeeperApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole Tokenkeeper server started in this JVM on a random port, with a clock tests can set. */
public final class ServerNode implements AutoCloseable {

	private final String name;

	private final ConfigurableApplicationContext context;

	private final Http http;

	private ServerNode(String name, ConfigurableApplicationContext context) {
		this.name = name;
		this.context = context;
		this.http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
	}

	/** Starts a server with these properties (on PostgreSQL, its name names its database connections). */
	public static ServerNode start(String name, Map<String, String> properties) {
		List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1"));
		if (properties.getOrDefault("spring.datasource.url", "").startsWith("jdbc:postgresql:")) {
			arguments.add("--spring.datasource.hikari.data-source-properties.ApplicationName=" + name);
		}
		arguments.addAll(List.of(TestDatabase.arguments(properties)));
		return new ServerNode(name, new SpringApplicationBuilder(TokenkeeperApplication.class, TestClockConfig.class)
			.run(arguments.toArray(String[]::new)));
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
