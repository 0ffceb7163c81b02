package dev.tokenkeeper.server.cluster;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the listener for other nodes' evictions while the server runs, where there can be other
 * nodes, and reports in the server's health (and readiness) whether it hears them.
 */
final class InvalidationListener implements SmartLifecycle, HealthIndicator {

	private final PostgresInvalidationListener listener;

	private volatile boolean running;

	/** @param listener the listener, or {@code null} on a database no other node can share */
	InvalidationListener(PostgresInvalidationListener listener) {
		this.listener = listener;
	}

	@Override
	public Health health() {
		if (this.listener == null) {
			return Health.up().withDetail("nodes", "one (embedded database)").build();
		}
		return (this.listener.isListening() ? Health.up() : Health.down())
			.withDetail("nodes", "any number (shared database)")
			.build();
	}

	@Override
	public void start() {
		if (this.listener != null) {
			this.listener.start();
		}
		this.running = true;
	}

	@Override
	public void stop() {
		if (this.listener != null) {
			this.listener.stop();
		}
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server starts taking requests, and stopped after it. */
	@Override
	public int getPhase() {
		return 0;
	}

}
