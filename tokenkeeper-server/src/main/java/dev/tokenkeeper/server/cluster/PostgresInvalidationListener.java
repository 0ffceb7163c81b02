package dev.tokenkeeper.server.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the evictions other nodes publish: a dedicated connection LISTENs, a daemon thread
 * waits for notifications and checks the connection is alive, and on any failure reconnects
 * with backoff. Notifications sent while it was not listening are lost, so every connect
 * (and every loss) empties this node's caches.
 */
final class PostgresInvalidationListener {

	private static final Logger log = LoggerFactory.getLogger(PostgresInvalidationListener.class);

	private static final int POLL_MILLIS = 500;

	private static final Duration HEARTBEAT = Duration.ofSeconds(5);

	private static final Duration MIN_BACKOFF = Duration.ofMillis(100);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

	private final DataSource dataSource;

	private final CacheInvalidation caches;

	private final AtomicReference<Connection> connection = new AtomicReference<>();

	private volatile boolean listening;

	private volatile CountDownLatch stopped;

	private Thread thread;

	PostgresInvalidationListener(DataSource dataSource, CacheInvalidation caches) {
		this.dataSource = dataSource;
		this.caches = caches;
	}

	/** Whether notifications from other nodes are being received right now. */
	boolean isListening() {
		return this.listening;
	}

	synchronized void start() {
		this.stopped = new CountDownLatch(1);
		this.thread = new Thread(this::listen, "cache-invalidation-listener");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	synchronized void stop() {
		this.stopped.countDown();
		closeQuietly(this.connection.getAndSet(null));
		try {
			this.thread.join(Duration.ofSeconds(5).toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.thread = null;
	}

	private boolean stopping() {
		return this.stopped.getCount() == 0;
	}

	private void listen() {
		Duration backoff = MIN_BACKOFF;
		while (!stopping()) {
			try (Connection listener = open()) {
				this.connection.set(listener);
				if (stopping()) {
					return;
				}
				try (Statement statement = listener.createStatement()) {
					statement.execute("LISTEN " + PostgresInvalidationPublisher.CHANNEL);
				}
				// Whatever changed before this moment may never be announced to us.
				this.caches.evictEverything();
				this.listening = true;
				backoff = MIN_BACKOFF;
				log.info("Listening for cache invalidations from other nodes");
				receive(listener);
			}
			catch (SQLException | RuntimeException ex) {
				if (stopping()) {
					return;
				}
				if (this.listening) {
					log.warn("Lost the cache invalidation connection; reconnecting: {}", ex.toString());
				}
				else {
					log.debug("Cannot open the cache invalidation connection yet: {}", ex.toString());
				}
			}
			finally {
				this.listening = false;
				this.connection.set(null);
			}
			this.caches.evictEverything();
			if (await(backoff)) {
				return;
			}
			backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
		}
	}

	private void receive(Connection listener) throws SQLException {
		PGConnection notifications = listener.unwrap(PGConnection.class);
		long lastCheck = System.nanoTime();
		while (!stopping()) {
			PGNotification[] received = notifications.getNotifications(POLL_MILLIS);
			if (received != null) {
				for (PGNotification notification : received) {
					this.caches.receive(notification.getParameter());
				}
			}
			if (System.nanoTime() - lastCheck > HEARTBEAT.toNanos()) {
				// A connection that died silently would otherwise just look quiet.
				try (Statement statement = listener.createStatement()) {
					statement.setQueryTimeout((int) HEARTBEAT.toSeconds());
					statement.execute("SELECT 1");
				}
				lastCheck = System.nanoTime();
			}
		}
	}

	/** A connection of its own, configured like the pool's, never one the pool would hand out. */
	private Connection open() throws SQLException {
		Connection opened;
		if (this.dataSource instanceof HikariDataSource hikari) {
			Properties properties = new Properties();
			properties.putAll(hikari.getDataSourceProperties());
			if (hikari.getUsername() != null) {
				properties.setProperty("user", hikari.getUsername());
			}
			if (hikari.getPassword() != null) {
				properties.setProperty("password", hikari.getPassword());
			}
			properties.putIfAbsent("socketTimeout", String.valueOf(HEARTBEAT.multipliedBy(6).toSeconds()));
			opened = DriverManager.getConnection(hikari.getJdbcUrl(), properties);
		}
		else {
			opened = this.dataSource.getConnection();
		}
		opened.setAutoCommit(true);
		return opened;
	}

	/** Waits, and tells whether the listener was stopped meanwhile. */
	private boolean await(Duration duration) {
		try {
			return this.stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return true;
		}
	}

	private static void closeQuietly(Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				log.debug("Closing the cache invalidation connection failed: {}", ex.toString());
			}
		}
	}

}
