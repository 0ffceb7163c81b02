package dev.tokenkeeper.server.security;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.stereotype.Component;

/**
 * Throttles failed authentications per source address (any credentials, so token guessing too)
 * and per user name (password logins only, so a password-guessing attacker never slows a user's
 * tokens down). A successful password login refills its name's bucket. Buckets that are full
 * again are forgotten, so memory stays bounded by the attackers, not by the users.
 */
@Component
class AuthenticationThrottle {

	private final ThrottleProperties properties;

	private final Cache<String, TokenBucket> byAddress;

	private final Cache<String, TokenBucket> byName;

	AuthenticationThrottle(ThrottleProperties properties) {
		this.properties = properties;
		Duration addressIdle = properties.addressRefill().multipliedBy(properties.addressCapacity());
		Duration nameIdle = properties.nameRefill().multipliedBy(properties.nameCapacity());
		this.byAddress = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(addressIdle).build();
		this.byName = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(nameIdle).build();
	}

	/**
	 * How long the caller must wait before trying again, if their address or name is throttled
	 * now. The name is only worked out (from the request's credentials) when some name has
	 * failures on record, so a quiet server does no extra work per request.
	 */
	Optional<Duration> retryAfter(String address, Supplier<String> passwordLoginName) {
		if (!this.properties.enabled()) {
			return Optional.empty();
		}
		Duration wait = waitTime(this.byAddress.getIfPresent(address));
		if (this.byName.estimatedSize() > 0) {
			String name = passwordLoginName.get();
			Duration nameWait = name == null ? Duration.ZERO : waitTime(this.byName.getIfPresent(key(name)));
			wait = nameWait.compareTo(wait) > 0 ? nameWait : wait;
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	void recordFailure(String address, String passwordLoginName) {
		if (!this.properties.enabled()) {
			return;
		}
		this.byAddress.get(address, ignored -> new TokenBucket(this.properties.addressCapacity(),
				this.properties.addressRefill(), System::nanoTime)).tryTake();
		if (passwordLoginName != null) {
			this.byName.get(key(passwordLoginName), ignored -> new TokenBucket(this.properties.nameCapacity(),
					this.properties.nameRefill(), System::nanoTime)).tryTake();
		}
	}

	void recordPasswordSuccess(String name) {
		this.byName.invalidate(key(name));
	}

	private static Duration waitTime(TokenBucket bucket) {
		return bucket == null ? Duration.ZERO : bucket.waitTime();
	}

	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}

}
