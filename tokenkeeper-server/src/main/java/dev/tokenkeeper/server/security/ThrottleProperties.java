package dev.tokenkeeper.server.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on failed authentications, as token buckets: each failure takes one token; a bucket
 * holds at most {@code capacity} and gains one back every {@code refill}. An empty bucket means
 * 429 until it refills, so no lock-out lasts longer than one refill interval.
 *
 * @param enabled whether failures are throttled at all
 * @param addressCapacity failures one source address may have in a burst (any credentials)
 * @param addressRefill how often one more failure is allowed per address
 * @param nameCapacity failed password logins one user name may have in a burst (from anywhere)
 * @param nameRefill how often one more failed password login is allowed per user name
 */
@ConfigurationProperties("tokenkeeper.security.throttle")
public record ThrottleProperties(@DefaultValue("true") boolean enabled, @DefaultValue("30") int addressCapacity,
		@DefaultValue("2s") Duration addressRefill, @DefaultValue("10") int nameCapacity,
		@DefaultValue("6s") Duration nameRefill) {
}
