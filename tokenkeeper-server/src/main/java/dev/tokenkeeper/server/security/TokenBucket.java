package dev.tokenkeeper.server.security;

import java.time.Duration;
import java.util.function.LongSupplier;

/** A token bucket: up to {@code capacity} tokens, one more every {@code refill}. Thread-safe. */
final class TokenBucket {

	private final int capacity;

	private final long refillNanos;

	private final LongSupplier nanoTime;

	private double tokens;

	private long updated;

	TokenBucket(int capacity, Duration refill, LongSupplier nanoTime) {
		this.capacity = capacity;
		this.refillNanos = Math.max(1, refill.toNanos());
		this.nanoTime = nanoTime;
		this.tokens = capacity;
		this.updated = nanoTime.getAsLong();
	}

	/** Takes one token; {@code false} if there was none. */
	synchronized boolean tryTake() {
		refill();
		if (this.tokens < 1) {
			return false;
		}
		this.tokens -= 1;
		return true;
	}

	/** How long until a token is available again; zero if one is available now. */
	synchronized Duration waitTime() {
		refill();
		return this.tokens >= 1 ? Duration.ZERO
				: Duration.ofNanos((long) Math.ceil((1 - this.tokens) * this.refillNanos));
	}

	private void refill() {
		long now = this.nanoTime.getAsLong();
		this.tokens = Math.min(this.capacity, this.tokens + (double) (now - this.updated) / this.refillNanos);
		this.updated = now;
	}

}
