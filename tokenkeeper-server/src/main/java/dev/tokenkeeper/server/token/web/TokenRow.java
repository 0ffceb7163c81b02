package dev.tokenkeeper.server.token.web;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.support.web.Moments;
import dev.tokenkeeper.server.token.AccessToken;

/**
 * A token as a row of the web UI's tables: dates in words, and its expiry as a badge.
 *
 * @param expiryState {@code never}, {@code ok}, {@code soon} (within a week) or {@code expired}
 */
public record TokenRow(String id, String name, String permissions, Instant created, Instant lastUsed,
		Instant expiryDate, String expiryText, String expiryState, Integer expiryDays) {

	private static final Duration SOON = Duration.ofDays(7);

	public static TokenRow of(AccessToken token, Instant now) {
		Instant expiry = token.expiryDate();
		String state;
		String text;
		if (expiry == null) {
			state = "never";
			text = "Never expires";
		}
		else if (token.isExpiredAt(now)) {
			state = "expired";
			text = "expired " + ago(Duration.between(expiry, now));
		}
		else {
			Duration left = Duration.between(now, expiry);
			state = left.compareTo(SOON) <= 0 ? "soon" : "ok";
			String amount = Moments.amount(left);
			text = amount == null ? "in under a minute" : "in " + amount;
		}
		return new TokenRow(token.id(), token.name(), describe(token.permissions().project(),
				token.permissions().repository()), token.createdDate(), token.lastAuthenticated(), expiry, text, state,
				token.expiryDays());
	}

	/** "Project: read, repository: write". */
	static String describe(ResourcePermission project, ResourcePermission repository) {
		return "Project: " + level(project) + ", repository: " + level(repository);
	}

	static String level(ResourcePermission permission) {
		return switch (permission.level()) {
			case 1 -> "read";
			case 2 -> "write";
			default -> "admin";
		};
	}

	private static String ago(Duration duration) {
		String amount = Moments.amount(duration);
		return amount == null ? "just now" : amount + " ago";
	}

}
