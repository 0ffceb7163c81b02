package dev.tokenkeeper.server.support.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Instants as people read them, for the web UI's templates ({@code ${@moments.relative(t)}}):
 * a date in UTC, or how long ago or from now, on the server's clock.
 */
@Component("moments")
public class Moments {

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	private final Clock clock;

	Moments(Clock clock) {
		this.clock = clock;
	}

	public Instant now() {
		return this.clock.instant();
	}

	public String date(Instant instant) {
		return instant == null ? "" : DATE.format(instant);
	}

	public String dateTime(Instant instant) {
		return instant == null ? "" : DATE_TIME.format(instant);
	}

	/** "in 12 days", "3 hours ago", "just now". */
	public String relative(Instant instant) {
		Duration difference = Duration.between(now(), instant);
		String amount = amount(difference.abs());
		if (amount == null) {
			return "just now";
		}
		return difference.isNegative() ? amount + " ago" : "in " + amount;
	}

	/** A duration in its largest whole unit, or {@code null} under a minute. */
	public static String amount(Duration duration) {
		if (duration.toDays() >= 1) {
			return plural(duration.toDays(), "day");
		}
		if (duration.toHours() >= 1) {
			return plural(duration.toHours(), "hour");
		}
		if (duration.toMinutes() >= 1) {
			return plural(duration.toMinutes(), "minute");
		}
		return null;
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

}
