package dev.tokenkeeper.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that tests set and move; it follows the system clock until a test fixes it. The
 * caches age on {@link #nanoTime()}: the JVM's monotonic time plus every {@link #advance}, so a
 * test moves them forward by advancing the clock, and setting it to a date never moves them.
 */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

	private final AtomicLong advancedNanos = new AtomicLong();

	@Override
	public Instant instant() {
		Instant instant = this.fixed.get();
		return instant != null ? instant : Instant.now();
	}

	public void setInstant(Instant instant) {
		this.fixed.set(instant);
	}

	public void advance(Duration duration) {
		this.fixed.set(instant().plus(duration));
		if (!duration.isNegative()) {
			this.advancedNanos.addAndGet(duration.toNanos());
		}
	}

	public long nanoTime() {
		return System.nanoTime() + this.advancedNanos.get();
	}

	public void reset() {
		this.fixed.set(null);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
