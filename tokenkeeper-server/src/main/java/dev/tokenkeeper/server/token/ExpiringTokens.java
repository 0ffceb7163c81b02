package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Tokens about to expire: for their holders to see, and for the expiry notices. */
@Service
public class ExpiringTokens {

	private static final int MAX_WITHIN_DAYS = 3650;

	private final AccessTokenStore store;

	private final TokenUsageRecorder usage;

	private final Clock clock;

	ExpiringTokens(AccessTokenStore store, TokenUsageRecorder usage, Clock clock) {
		this.store = store;
		this.usage = usage;
		this.clock = clock;
	}

	/**
	 * Tokens that are still valid now and expire within the given days, soonest first: the
	 * caller's own personal tokens, or for an administrator everyone's tokens.
	 */
	@Transactional(readOnly = true)
	public List<AccessToken> forCaller(Caller caller, int withinDays, PageRequest page) {
		if (withinDays < 1 || withinDays > MAX_WITHIN_DAYS) {
			throw new ArgumentValidationException("withinDays", "withinDays must be between 1 and " + MAX_WITHIN_DAYS + ".");
		}
		Instant now = this.clock.instant();
		TokenOwner owner = AccessRules.isAdmin(caller) ? null : TokenOwner.user(caller.user().id());
		return this.store.findExpiring(owner, now, now.plus(Duration.ofDays(withinDays)), page)
			.stream()
			.map(this.usage::withPendingUse)
			.toList();
	}

	/** A batch of tokens expiring in [from, to) after {@code after} (or from the start when null), for scans. */
	@Transactional(readOnly = true)
	public List<AccessToken> batch(Instant from, Instant to, AccessToken after, int limit) {
		return after == null ? this.store.findExpiringAfter(from, to, from.minusMillis(1), "", limit)
				: this.store.findExpiringAfter(from, to, after.expiryDate(), after.id(), limit);
	}

}
