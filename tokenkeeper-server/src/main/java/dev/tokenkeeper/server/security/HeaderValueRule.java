package dev.tokenkeeper.server.security;

import java.util.function.Predicate;

/**
 * The rule of Spring Security's strict firewall for request header values, unchanged: every
 * character is assigned in Unicode and is not a control character, except the tab. The
 * firewall checks it with a regular expression on every header read, and the API reads the
 * {@code Authorization} header on every call; this checks plain ASCII in one loop and hands
 * anything else to the same rule per code point (bench/RESULTS.md has what it saved).
 */
final class HeaderValueRule implements Predicate<String> {

	@Override
	public boolean test(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if ((c < ' ' || c > '~') && c != '\t') {
				return value.codePoints().allMatch(HeaderValueRule::allowed);
			}
		}
		return true;
	}

	private static boolean allowed(int codePoint) {
		return Character.isDefined(codePoint)
				&& (Character.getType(codePoint) != Character.CONTROL || codePoint == '\t');
	}

}
