package dev.tokenkeeper.server.support;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.h2.api.ErrorCode;

import static org.awaitility.Awaitility.await;

/**
 * The database the full-server tests run on: H2 under the data directory (the default), or with
 * {@code -Dtokenkeeper.test.database=postgresql} (the build's second test run) a real PostgreSQL
 * that {@link EmbeddedPostgresServer} starts once per JVM.
 */
public final class TestDatabase {

	public static final String PROPERTY = "tokenkeeper.test.database";

	/**
	 * Tag of test classes that always run on PostgreSQL, whatever the test run: they run once,
	 * in the default run.
	 */
	public static final String ALWAYS_POSTGRESQL = "always-postgresql";

	/** Tag of test classes that test the embedded H2 database only: they run once, in the default run. */
	public static final String H2_ONLY = "h2-only";

	private static final Map<Path, Map<String, String>> BY_HOME = new ConcurrentHashMap<>();

	private TestDatabase() {
	}

	public static boolean isPostgresql() {
		return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
	}

	/**
	 * Server properties for the database of this test run's kind that belongs to the data
	 * directory {@code home}: new and empty the first time, the same one for a restart.
	 */
	public static Map<String, String> fresh(Path home) {
		return isPostgresql() ? BY_HOME.computeIfAbsent(home.toAbsolutePath(), TestDatabase::freshPostgresql)
				: Map.of("tokenkeeper.home", home.toString());
	}

	/** Server properties for a new, empty PostgreSQL database, with the data directory at {@code home}. */
	public static Map<String, String> freshPostgresql(Path home) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("tokenkeeper.home", home.toString());
		properties.put("spring.datasource.url", EmbeddedPostgresServer.createDatabase());
		properties.put("spring.datasource.username", EmbeddedPostgresServer.USER);
		properties.put("spring.datasource.password", "");
		return properties;
	}

	/** A connection of its own to the database of the data directory {@code home}, for checks behind the server's back. */
	public static Connection connect(Path home) throws SQLException {
		Map<String, String> database = fresh(home);
		String url = database.getOrDefault("spring.datasource.url", "jdbc:h2:file:" + home.resolve("db").resolve("tokenkeeper")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
		return DriverManager.getConnection(url, database.getOrDefault("spring.datasource.username", "tokenkeeper"),
				database.getOrDefault("spring.datasource.password", ""));
	}

	/** The properties as command line arguments. */
	public static String[] arguments(Map<String, String> properties) {
		return properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	/**
	 * Runs the requests, each on a thread of its own, while another transaction holds the row that
	 * {@code lockingSql} (a {@code SELECT ... FOR UPDATE} of one parameter) locks: each starts once
	 * the one before waits for a lock, and the row is let go once all wait. So they reach it in
	 * this order; PostgreSQL then lets them on in that order, H2 in any. Returns their results.
	 */
	public static List<Object> queuedBehindLockedRow(DataSource dataSource, String lockingSql, Object key,
			Supplier<?>... requests) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(requests.length);
		try {
			List<Future<?>> started = new ArrayList<>();
			try (Connection holder = dataSource.getConnection()) {
				holder.setAutoCommit(false);
				try (PreparedStatement statement = holder.prepareStatement(lockingSql)) {
					statement.setObject(1, key);
					statement.executeQuery().close();
				}
				try {
					for (Supplier<?> request : requests) {
						Future<?> future = threads.submit(request::get);
						started.add(future);
						int waiting = started.size();
						// within the databases' lock timeout (10 s), which the first request is waiting out
						await().atMost(Duration.ofSeconds(5))
							.until(() -> future.isDone() || blockedSessions(holder) == waiting);
						if (future.isDone()) {
							throw new IllegalStateException("Request " + waiting + " did not wait for the locked row: "
									+ future.get());
						}
					}
				}
				finally {
					holder.commit();
				}
			}
			List<Object> results = new ArrayList<>();
			for (Future<?> request : started) {
				results.add(request.get(30, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

	/**
	 * How many sessions wait for a lock another session holds, asked over {@code connection}. H2
	 * sometimes fails to list a session whose transaction ends at that moment (a
	 * NullPointerException inside H2, reported as a general error); the question is then asked again
	 * at once, up to ten times.
	 */
	public static int blockedSessions(Connection connection) throws SQLException {
		boolean postgresql = connection.getMetaData().getDatabaseProductName().contains("PostgreSQL");
		String sql = postgresql
				? "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()"
				: "SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL";
		for (int attempt = 1;; attempt++) {
			try (PreparedStatement statement = connection.prepareStatement(sql);
					ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getInt(1);
			}
			catch (SQLException ex) {
				if (postgresql || ex.getErrorCode() != ErrorCode.GENERAL_ERROR_1
						|| !(ex.getCause() instanceof NullPointerException) || attempt == 10) {
					throw ex;
				}
			}
		}
	}

}
