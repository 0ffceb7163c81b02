package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.support.ArgumentValidationException;

/**
 * The rules new tokens must follow.
 *
 * @param maxExpiryDays the longest lifetime in days, or {@code null} for no limit
 */
public record TokenPolicy(boolean requireExpiry, Integer maxExpiryDays, int maxTokensPerOwner) {

	/** Checks a requested lifetime against the policy; {@code null} means "never expires". */
	public void checkExpiryDays(Integer expiryDays) {
		if (expiryDays == null) {
			if (this.requireExpiry) {
				throw new ArgumentValidationException("expiryDays", "An expiry is required for new access tokens.");
			}
			return;
		}
		if (expiryDays < 1) {
			throw new ArgumentValidationException("expiryDays", "expiryDays must be a positive number of days.");
		}
		if (this.maxExpiryDays != null && expiryDays > this.maxExpiryDays) {
			throw new ArgumentValidationException("expiryDays",
					"expiryDays must be at most " + this.maxExpiryDays + " days.");
		}
	}

}
