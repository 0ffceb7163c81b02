package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.LoadingCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkeeper.server.cluster.CacheInvalidation;
import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.audit.AuditLog;
import dev.tokenkeeper.server.permission.Caller.TokenUse;
import dev.tokenkeeper.server.permission.TokenReach;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UsersById;
import org.springframework.stereotype.Component;

/**
 * Verifies presented tokens: parse, O(1) lookup by id through a bounded cache, constant-time
 * hash comparison, expiry and owner checks. The current secret works until the token expires;
 * after a rotation the previous secret works until its overlap window ends. Every failure looks
 * the same to the caller (an empty result); a secret that was rotated out is also reported in
 * the log as a possible leak. A warm verification touches no database (a token in use is loaded
 * again in the background before its cache entry expires); use is recorded in memory.
 */
@Component
public class TokenAuthenticator {

	private static final Logger log = LoggerFactory.getLogger(TokenAuthenticator.class);

	/** How many rotated-out secrets of a token are remembered for leak detection. */
	static final int RETIRED_SECRETS_CHECKED = 20;

	private static final String TOKENS_CACHE = "tokens";

	private final AccessTokenStore store;

	private final UsersById users;

	private final TokenUsageRecorder usage;

	private final Clock clock;

	private final CacheInvalidation caches;

	private final AuditLog audit;

	/** Keyed by the number that is the token's id (see {@link TokenSecrets.PresentedToken#idNumber()}). */
	private final LoadingCache<Long, CachedToken> tokensById;

	TokenAuthenticator(AccessTokenStore store, UsersById users, TokenUsageRecorder usage, Clock clock,
			TokenProperties properties, AuditLog audit, CacheInvalidation caches) {
		this.audit = audit;
		this.store = store;
		this.users = users;
		this.usage = usage;
		this.clock = clock;
		this.caches = caches;
		this.tokensById = caches.newLoadingCache(TOKENS_CACHE, properties.cacheMaxSize(), properties.cacheMaxAge(),
				Long::valueOf, this::load, this::loadAll);
	}

	/** The token and the user it acts as, if the raw token is valid now (Bearer). */
	public Optional<AuthenticatedToken> authenticate(String rawToken) {
		return authenticate(rawToken, null);
	}

	/**
	 * The same for a token presented with a user name (Basic user:token): it must also be a
	 * personal token of that user (the name in any case). A token presented under another name
	 * does not authenticate, and is not a use of it.
	 */
	public Optional<AuthenticatedToken> authenticatePersonal(String rawToken, String userName) {
		return authenticate(rawToken, Objects.requireNonNull(userName));
	}

	private Optional<AuthenticatedToken> authenticate(String rawToken, String personalTokenOf) {
		TokenSecrets.PresentedToken presented = TokenSecrets.parse(rawToken).orElse(null);
		if (presented == null) {
			return Optional.empty();
		}
		CachedToken cached = this.tokensById.get(presented.idNumber());
		if (cached == CachedToken.NONE) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		TokenUse use = verifySecret(cached, presented.hash(), now);
		if (use == null) {
			return Optional.empty();
		}
		if (cached.isExpiredAt(now)) {
			this.audit.countFailure(AuditEventType.EXPIRED_TOKEN_USED, null, cached.token().id());
			return Optional.empty();
		}
		Optional<User> user = this.users.find(cached.userId()).filter(User::mayAuthenticate);
		if (user.isEmpty()
				|| (personalTokenOf != null && !isPersonalTokenOf(cached.token(), user.get(), personalTokenOf))) {
			return Optional.empty();
		}
		cached.recordUse(this.usage, now);
		return Optional.of(new AuthenticatedToken(cached.token(), user.get(), use, now));
	}

	private static boolean isPersonalTokenOf(AccessToken token, User user, String userName) {
		return token.owner().type() == TokenOwner.Type.USER && user.name().equalsIgnoreCase(userName);
	}

	private TokenUse verifySecret(CachedToken cached, byte[] hash, Instant now) {
		if (TokenSecrets.sameHash(hash, cached.currentHash())) {
			return cached.currentSecretUse();
		}
		AccessToken token = cached.token();
		SecretHashes secrets = token.secrets();
		if (TokenSecrets.sameHash(hash, secrets.previous())) {
			if (now.isBefore(secrets.previousValidUntil())) {
				return new TokenUse(token.id(), earliest(secrets.previousValidUntil(), token.expiryDate()), true,
						reachOf(token));
			}
			reportRetiredSecret(token);
			return null;
		}
		if (cached.retiredHashes().stream().anyMatch(retired -> TokenSecrets.sameHash(hash, retired))) {
			reportRetiredSecret(token);
		}
		return null;
	}

	private static TokenReach reachOf(AccessToken token) {
		TokenOwner owner = token.owner();
		return switch (owner.type()) {
			case USER -> TokenReach.personal(token.permissions());
			case PROJECT -> new TokenReach(token.permissions(), owner.id(), null);
			case REPOSITORY -> new TokenReach(token.permissions(), null, owner.id());
		};
	}

	private void reportRetiredSecret(AccessToken token) {
		this.audit.countFailure(AuditEventType.ROTATED_OUT_SECRET_USED, null, token.id());
		log.warn("Access token {} was presented with a secret that was rotated out; the old secret may have leaked",
				token.id());
	}

	private CachedToken load(Long idNumber) {
		return loadAll(Set.of(idNumber)).get(idNumber);
	}

	/** Tokens with their retired secrets, in two queries; a token that is gone is cached as gone. */
	private Map<Long, CachedToken> loadAll(Set<Long> idNumbers) {
		Map<String, Long> ids = new HashMap<>();
		idNumbers.forEach(number -> ids.put(TokenSecrets.idOf(number), number));
		Map<String, List<byte[]>> retired = this.store.findRetiredHashes(ids.keySet(), RETIRED_SECRETS_CHECKED);
		Map<Long, CachedToken> loaded = new HashMap<>();
		idNumbers.forEach(number -> loaded.put(number, CachedToken.NONE));
		for (AccessToken token : this.store.findByIds(ids.keySet())) {
			loaded.put(ids.get(token.id()), new CachedToken(token, retired.getOrDefault(token.id(), List.of())));
		}
		return loaded;
	}

	void evict(String tokenId) {
		this.caches.evict(TOKENS_CACHE, tokenId);
	}

	private static Instant earliest(Instant a, Instant b) {
		return (b == null || a.isBefore(b)) ? a : b;
	}

	/**
	 * A verified token as cached, with what every request it authenticates shares: how its
	 * current secret authenticates (made once, not per request) and its entry in the use recorder.
	 * It also holds its own copies of what every verification reads of the token: its id, the
	 * current secret's hash, the expiry and the user's id. A Bearer verification then reads this
	 * object and not the token, its secrets and its expiry as well, each of which would be one more
	 * wait on memory when thousands of tokens take turns (bench/RESULTS.md, eleventh pass).
	 */
	private static final class CachedToken {

		/** What an id that names no token is cached as (the cache holds no nulls). */
		static final CachedToken NONE = new CachedToken();

		private final AccessToken token;

		private final String id;

		private final List<byte[]> retiredHashes;

		private final TokenUse currentSecretUse;

		private final byte[] currentHash;

		/**
		 * The first instant, in epoch milliseconds, at which the token is expired; the store keeps
		 * instants to the millisecond, so this is exact.
		 */
		private final long expiredFrom;

		private final long userId;

		/** The recorder's entry for this token, as it last returned it: saves a lookup per request. */
		private volatile AtomicLong useEntry;

		CachedToken(AccessToken token, List<byte[]> retiredHashes) {
			this.token = token;
			this.id = token.id();
			this.retiredHashes = retiredHashes;
			this.currentSecretUse = new TokenUse(token.id(), token.expiryDate(), false, reachOf(token));
			this.currentHash = token.secrets().current();
			this.expiredFrom = (token.expiryDate() != null) ? token.expiryDate().toEpochMilli() : Long.MAX_VALUE;
			this.userId = token.userId();
		}

		private CachedToken() {
			this.token = null;
			this.id = null;
			this.retiredHashes = List.of();
			this.currentSecretUse = null;
			this.currentHash = null;
			this.expiredFrom = Long.MIN_VALUE;
			this.userId = 0;
		}

		AccessToken token() {
			return this.token;
		}

		List<byte[]> retiredHashes() {
			return this.retiredHashes;
		}

		TokenUse currentSecretUse() {
			return this.currentSecretUse;
		}

		byte[] currentHash() {
			return this.currentHash;
		}

		/** As {@link AccessToken#isExpiredAt}. */
		boolean isExpiredAt(Instant now) {
			return now.toEpochMilli() >= this.expiredFrom;
		}

		long userId() {
			return this.userId;
		}

		void recordUse(TokenUsageRecorder usage, Instant when) {
			AtomicLong entry = this.useEntry;
			AtomicLong recorded = usage.record(this.id, entry, when);
			if (recorded != entry) {
				this.useEntry = recorded;
			}
		}

	}

	/**
	 * A successfully verified token, as its cache entry holds it; the user it acts as; how the
	 * secret matched; and when.
	 */
	public record AuthenticatedToken(AccessToken token, User user, TokenUse use, Instant verifiedAt) {

		/**
		 * The token as the request it authenticated shows it: last authenticated by that request,
		 * to the millisecond as the use is recorded, unless a later use is stored already.
		 */
		public AccessToken asUsed() {
			Instant used = this.verifiedAt.truncatedTo(ChronoUnit.MILLIS);
			Instant stored = this.token.lastAuthenticated();
			return (stored != null && !stored.isBefore(used)) ? this.token : this.token.withLastAuthenticated(used);
		}

	}

}
