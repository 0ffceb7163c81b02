package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.support.ArgumentValidationException;

/**
 * Filters and order for listing tokens; every filter is optional and they all apply together.
 *
 * @param text part of the token name, ignoring case, or {@code null}
 * @param user the name of the user whose personal tokens to list (administrators' search only), or {@code null}
 * @param expiringWithinDays only tokens not yet expired that expire within this many days, or {@code null}
 * @param expired only tokens that have expired
 * @param neverUsed only tokens that have never authenticated
 * @param sort the column to order by; ties are broken by id, and empty values come last
 * @param descending whether to order from the largest value down
 */
public record TokenQuery(String text, String user, Integer expiringWithinDays, boolean expired, boolean neverUsed,
		Sort sort, boolean descending) {

	/** Every token, oldest first. */
	public static final TokenQuery ALL = new TokenQuery(null, null, null, false, false, Sort.CREATED, false);

	public TokenQuery {
		text = blankToNull(text);
		user = blankToNull(user);
		if (expiringWithinDays != null && expiringWithinDays < 0) {
			throw new ArgumentValidationException("expiringWithinDays",
					"The number of days must be zero or more.");
		}
		sort = sort == null ? Sort.CREATED : sort;
	}

	public enum Sort {

		NAME, CREATED, LAST_USED, EXPIRY

	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
