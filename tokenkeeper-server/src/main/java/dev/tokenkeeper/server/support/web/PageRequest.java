package dev.tokenkeeper.server.support.web;

import dev.tokenkeeper.server.support.ArgumentValidationException;

/**
 * Bitbucket's paging parameters: {@code start} (default 0) and {@code limit} (default 25,
 * capped at {@value #MAX_LIMIT}).
 */
public record PageRequest(int start, int limit) {

	public static final int DEFAULT_LIMIT = 25;

	public static final int MAX_LIMIT = 1000;

	public PageRequest {
		if (start < 0) {
			throw new ArgumentValidationException("start", "start must be zero or greater.");
		}
		if (limit < 1) {
			throw new ArgumentValidationException("limit", "limit must be greater than zero.");
		}
		limit = Math.min(limit, MAX_LIMIT);
	}

	/** Parses the raw query values, treating absent ones as defaults. */
	public static PageRequest parse(String start, String limit) {
		return new PageRequest(parseInt("start", start, 0), parseInt("limit", limit, DEFAULT_LIMIT));
	}

	private static int parseInt(String name, String value, int defaultValue) {
		if (value == null || value.isEmpty()) {
			return defaultValue;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new ArgumentValidationException(name, name + " must be a whole number.");
		}
	}

	/** Rows to fetch: one more than the limit, to learn whether another page follows. */
	public int fetchSize() {
		return this.limit + 1;
	}

}
