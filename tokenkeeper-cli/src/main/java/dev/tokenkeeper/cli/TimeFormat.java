package dev.tokenkeeper.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Dates as people read them: {@code 2026-12-03 14:05}, {@code in 5 days}, {@code expired 3 days ago}. */
final class TimeFormat {

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

	private final Instant now;

	private final ZoneId zone;

	TimeFormat(Instant now, ZoneId zone) {
		this.now = now;
		this.zone = zone;
	}

	String date(Instant instant) {
		return DATE.format(instant.atZone(this.zone));
	}

	String dateTime(Instant instant) {
		return DATE_TIME.format(instant.atZone(this.zone));
	}

	/** {@code never}, or how long ago: {@code 3 hours ago}. */
	String lastUsed(Instant instant) {
		return (instant == null) ? "never" : ago(instant);
	}

	/** {@code never}, {@code in 5 days}, or {@code expired 3 days ago}. */
	String expiry(Instant expiryDate) {
		if (expiryDate == null) {
			return "never";
		}
		if (expiryDate.isAfter(this.now)) {
			return "in " + span(Duration.between(this.now, expiryDate));
		}
		return "expired " + ago(expiryDate);
	}

	/** The expiry with its date: {@code 2026-12-03 (in 5 days)}. */
	String expiryWithDate(Instant expiryDate) {
		return (expiryDate == null) ? "never" : date(expiryDate) + " (" + expiry(expiryDate) + ")";
	}

	String ago(Instant instant) {
		Duration elapsed = Duration.between(instant, this.now);
		return elapsed.compareTo(Duration.ofMinutes(1)) < 0 ? "just now" : span(elapsed) + " ago";
	}

	/** Rounded to the nearest day, hour or minute: a token created for 5 days is "in 5 days" all its first day. */
	static String span(Duration duration) {
		long minutes = Math.round(duration.abs().toSeconds() / 60.0);
		if (minutes >= 60 * 24) {
			return plural(Math.round(minutes / (60.0 * 24)), "day");
		}
		if (minutes >= 60) {
			return plural(Math.round(minutes / 60.0), "hour");
		}
		return (minutes < 1) ? "less than a minute" : plural(minutes, "minute");
	}

	private static String plural(long amount, String unit) {
		return amount + " " + unit + (amount == 1 ? "" : "s");
	}

}
