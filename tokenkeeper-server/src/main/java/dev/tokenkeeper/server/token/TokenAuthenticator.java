package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.tokenkeeper.server.support.AfterCommit;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.stereotype.Component;

/**
 * Verifies presented tokens: parse, O(1) lookup by id through a bounded cache, constant-time
 * hash comparison, expiry and owner checks. Every failure looks the same to the caller (an
 * empty result). A warm verification touches no database; use is recorded in memory.
 */
@Component
public class TokenAuthenticator {

	private final AccessTokenStore store;

	private final UserService users;

	private final TokenUsageRecorder usage;

	private final Clock clock;

	private final Cache<String, Optional<AccessToken>> tokensById;

	TokenAuthenticator(AccessTokenStore store, UserService users, TokenUsageRecorder usage, Clock clock,
			TokenProperties properties) {
		this.store = store;
		this.users = users;
		this.usage = usage;
		this.clock = clock;
		this.tokensById = Caffeine.newBuilder()
			.maximumSize(properties.cacheMaxSize())
			.expireAfterWrite(properties.cacheMaxAge())
			.build();
	}

	/** The token and the user it acts as, if the raw token is valid now. */
	public Optional<AuthenticatedToken> authenticate(String rawToken) {
		Optional<TokenSecrets.PresentedToken> presented = TokenSecrets.parse(rawToken);
		if (presented.isEmpty()) {
			return Optional.empty();
		}
		AccessToken token = this.tokensById.get(presented.get().id(), this.store::findById).orElse(null);
		if (token == null || !presented.get().matches(token.secretHash())) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		if (token.isExpiredAt(now)) {
			return Optional.empty();
		}
		Optional<User> user = this.users.findById(token.userId()).filter(User::mayAuthenticate);
		if (user.isEmpty()) {
			return Optional.empty();
		}
		this.usage.record(token.id(), now);
		return Optional.of(new AuthenticatedToken(token, user.get()));
	}

	void evict(String tokenId) {
		AfterCommit.evict(() -> this.tokensById.invalidate(tokenId));
	}

	/** A successfully verified token and the user it acts as. */
	public record AuthenticatedToken(AccessToken token, User user) {
	}

}
