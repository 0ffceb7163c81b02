package dev.tokenkeeper.server.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock that tests set and move; it follows the system clock until a test fixes it. */
public final class MutableClock extends Clock {

	private final AtomicReference<Instant> fixed = new AtomicReference<>();

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
