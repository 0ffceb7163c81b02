package dev.tokenkeeper.server.cluster;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Publishes evictions with PostgreSQL's NOTIFY, inside the writing transaction: PostgreSQL
 * delivers the notification to every listening node when (and only if) that transaction commits.
 */
final class PostgresInvalidationPublisher implements InvalidationPublisher {

	static final String CHANNEL = "tokenkeeper_cache";

	private final JdbcClient jdbc;

	PostgresInvalidationPublisher(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void publish(String message) {
		this.jdbc.sql("SELECT pg_notify(:channel, :message)")
			.param("channel", CHANNEL)
			.param("message", message)
			.query(rs -> {
			});
	}

	@Override
	public boolean reachesOtherNodes() {
		return true;
	}

}
