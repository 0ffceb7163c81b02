package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.support.ArgumentValidationException;

/**
 * The rules tokens follow, editable by administrators.
 *
 * @param requireExpiry whether every new token must have an expiry
 * @param maxExpiryDays the longest lifetime in days, or {@code null} for no limit
 * @param maxTokensPerOwner how many tokens one owner may hold
 * @param renewExpiredWithinDays how long after expiring a token may still be renewed (0: never)
 * @param selfRotation whether a token may rotate itself
 * @param maxRotationGraceMinutes the longest overlap window of a rotation
 */
public record TokenPolicy(boolean requireExpiry, Integer maxExpiryDays, int maxTokensPerOwner,
		int renewExpiredWithinDays, boolean selfRotation, int maxRotationGraceMinutes) {

	/** The lifetime a renewal without an explicit one gets, when the token has none of its own. */
	static final int DEFAULT_RENEW_DAYS = 90;

	static final int MAX_TOKENS_PER_OWNER_LIMIT = 100_000;

	public TokenPolicy {
		if (maxExpiryDays != null && maxExpiryDays < 1) {
			throw new ArgumentValidationException("maxExpiryDays", "maxExpiryDays must be at least 1, or null for no limit.");
		}
		if (maxTokensPerOwner < 1 || maxTokensPerOwner > MAX_TOKENS_PER_OWNER_LIMIT) {
			throw new ArgumentValidationException("maxTokensPerOwner",
					"maxTokensPerOwner must be between 1 and " + MAX_TOKENS_PER_OWNER_LIMIT + ".");
		}
		if (renewExpiredWithinDays < 0) {
			throw new ArgumentValidationException("renewExpiredWithinDays",
					"renewExpiredWithinDays must be zero or more.");
		}
		if (maxRotationGraceMinutes < 0) {
			throw new ArgumentValidationException("maxRotationGraceMinutes",
					"maxRotationGraceMinutes must be zero or more.");
		}
	}

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

	/**
	 * The lifetime a renewal or rotation gives when the request names none: the token's own
	 * lifetime, capped at the current maximum; else the maximum; else {@link #DEFAULT_RENEW_DAYS}.
	 */
	Integer defaultExpiryDays(Integer tokenExpiryDays) {
		if (tokenExpiryDays != null) {
			return this.maxExpiryDays == null ? tokenExpiryDays : Math.min(tokenExpiryDays, this.maxExpiryDays);
		}
		return this.maxExpiryDays != null ? this.maxExpiryDays : DEFAULT_RENEW_DAYS;
	}

	/** Whether a token that expired at {@code expiryDate} may still be renewed at {@code now}. */
	boolean mayRenewExpired(Instant expiryDate, Instant now) {
		return this.renewExpiredWithinDays > 0
				&& now.isBefore(expiryDate.plus(Duration.ofDays(this.renewExpiredWithinDays)));
	}

	/** Checks a requested overlap window; {@code null} means none. */
	Duration gracePeriod(Integer minutes) {
		if (minutes == null) {
			return Duration.ZERO;
		}
		if (minutes < 0 || minutes > this.maxRotationGraceMinutes) {
			throw new ArgumentValidationException("gracePeriodMinutes",
					"gracePeriodMinutes must be between 0 and " + this.maxRotationGraceMinutes + ".");
		}
		return Duration.ofMinutes(minutes);
	}

}
