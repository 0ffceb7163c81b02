package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.support.IntegrityException;
import org.springframework.stereotype.Component;

/**
 * Replaces a token's secret. With an overlap window the replaced secret keeps working until the
 * window ends; a token holds at most two working secrets, so a second rotation ends the first
 * window at once. Secrets taken out of service are remembered (as hashes) to recognise a leak.
 * Of two concurrent rotations of one token exactly one wins; the other changes nothing.
 */
@Component
class TokenRotation {

	private final AccessTokenStore store;

	private final TokenSecrets secrets;

	private final TokenAuthenticator authenticator;

	private final TokenUsageRecorder usage;

	private final Clock clock;

	TokenRotation(AccessTokenStore store, TokenSecrets secrets, TokenAuthenticator authenticator,
			TokenUsageRecorder usage, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.authenticator = authenticator;
		this.usage = usage;
		this.clock = clock;
	}

	/** Call inside the caller's transaction, after the permission checks. */
	TokenWithSecret rotate(AccessToken token, Integer expiryDays, Integer gracePeriodMinutes, TokenPolicy policy) {
		Duration grace = policy.gracePeriod(gracePeriodMinutes);
		Integer days = expiryDays != null ? expiryDays
				: (token.expiryDays() != null || policy.requireExpiry()) ? policy.defaultExpiryDays(token.expiryDays())
						: null;
		policy.checkExpiryDays(days);

		Instant now = this.clock.instant();
		SecretHashes old = token.secrets();
		TokenSecrets.NewSecret secret = this.secrets.newSecret(token.id());
		Instant previousValidUntil = grace.isZero() ? null : now.plus(grace);
		if (previousValidUntil != null && token.expiryDate() != null && token.expiryDate().isBefore(previousValidUntil)) {
			// An overlap window never brings an expired secret back to life.
			previousValidUntil = token.expiryDate().isAfter(now) ? token.expiryDate() : null;
		}
		SecretHashes rotated = new SecretHashes(secret.hash(), previousValidUntil == null ? null : old.current(),
				previousValidUntil, old.version() + 1);
		if (!this.store.rotate(token.id(), old.version(), rotated, days,
				days == null ? null : AccessToken.expiryDate(now, days))) {
			throw new IntegrityException("This access token was rotated by another request at the same time; "
					+ "nothing was changed. Fetch it and try again.");
		}
		if (old.previous() != null) {
			this.store.retire(token.id(), old.previous(), now);
		}
		if (rotated.previous() == null) {
			this.store.retire(token.id(), old.current(), now);
		}
		this.authenticator.evict(token.id());
		AccessToken stored = this.usage.withPendingUse(this.store.findById(token.id()).orElseThrow());
		return new TokenWithSecret(stored, secret.rawToken());
	}

}
