package dev.tokenkeeper.server.support;

import java.util.Locale;

/** SQL {@code LIKE} patterns built from user input, for use with {@code ESCAPE '\'}. */
public final class LikePattern {

	private LikePattern() {
	}

	/** Matches values that contain {@code filter} (lower-cased; compare with {@code LOWER(column)}); all for null. */
	public static String containing(String filter) {
		String escaped = (filter == null ? "" : filter.toLowerCase(Locale.ROOT)).replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

}
