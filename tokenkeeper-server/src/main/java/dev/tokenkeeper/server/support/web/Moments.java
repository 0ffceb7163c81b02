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

	private static final long MINUTE = 60;

	private static final long HOUR = 60 * MINUTE;

	private static final long DAY = 24 * HOUR;

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

	/**
	 * A duration in its largest unit, rounded to the nearest (a token made for 30 days a moment
	 * ago expires "in 30 days"), or {@code null} under half a minute.
	 */
	public static String amount(Duration duration) {
		long seconds = duration.getSeconds();
		if (seconds >= DAY - HOUR / 2) {
			return plural(Math.max(1, Math.round((double) seconds / DAY)), "day");
		}
		if (seconds >= HOUR - MINUTE / 2) {
			return plural(Math.max(1, Math.round((double) seconds / HOUR)), "hour");
		}
		if (seconds >= MINUTE / 2) {
			return plural(Math.max(1, Math.round((double) seconds / MINUTE)), "minute");
		}
		return null;
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}

}
