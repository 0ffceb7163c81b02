package dev.tokenkeeper.server.token;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access token settings. The policy values are defaults: administrators may change them at run
 * time, and what they set is stored in the database.
 *
 * @param prefix what raw tokens start with (empty, or ending in '-')
 * @param requireExpiry whether every new token must have expiryDays
 * @param maxExpiryDays the longest expiryDays allowed, or {@code null} for no limit
 * @param maxTokensPerOwner how many tokens one user, project or repository may hold
 * @param renewExpiredWithinDays how long after expiry a token may still be renewed (0: never)
 * @param selfRotation whether a token may rotate itself
 * @param maxRotationGraceMinutes the longest overlap window a rotation may ask for
 * @param cacheMaxAge how long a verified token may be served from memory
 * @param cacheMaxSize how many tokens the verification cache holds at most
 * @param usageFlushInterval how often recorded token use is written as lastAuthenticated
 */
@ConfigurationProperties("tokenkeeper.tokens")
public record TokenProperties(@DefaultValue("BBDC-") String prefix, @DefaultValue("false") boolean requireExpiry,
		Integer maxExpiryDays, @DefaultValue("100") int maxTokensPerOwner,
		@DefaultValue("30") int renewExpiredWithinDays, @DefaultValue("true") boolean selfRotation,
		@DefaultValue("10080") int maxRotationGraceMinutes, @DefaultValue("5m") Duration cacheMaxAge,
		@DefaultValue("100000") long cacheMaxSize, @DefaultValue("1m") Duration usageFlushInterval) {

	public TokenPolicy defaultPolicy() {
		return new TokenPolicy(this.requireExpiry, this.maxExpiryDays, this.maxTokensPerOwner,
				this.renewExpiredWithinDays, this.selfRotation, this.maxRotationGraceMinutes);
	}

}
