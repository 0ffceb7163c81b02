package dev.tokenkeeper.server.security;

import java.util.function.Predicate;

/**
 * The rules of Spring Security's strict firewall for request header names and values, unchanged:
 * every character is assigned in Unicode and is not a control character (a value may also hold
 * tabs). The firewall checks them with a regular expression on every header read, name and value,
 * and every request reads several headers; these check plain ASCII in one loop and hand anything
 * else to the same rule per code point (bench/RESULTS.md has what they saved).
 */
enum HeaderRule implements Predicate<String> {

	NAMES(false),

	VALUES(true);

	private final boolean tabAllowed;

	HeaderRule(boolean tabAllowed) {
		this.tabAllowed = tabAllowed;
	}

	@Override
	public boolean test(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < ' ' || c > '~') && !isAllowedTab(c)) {
				return text.codePoints().allMatch(this::allowed);
			}
		}
		return true;
	}

	private boolean allowed(int codePoint) {
		return Character.isDefined(codePoint)
				&& (Character.getType(codePoint) != Character.CONTROL || isAllowedTab(codePoint));
	}

	private boolean isAllowedTab(int c) {
		return c == '\t' && this.tabAllowed;
	}

}
