package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Instant;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The token lifecycle that Bitbucket lacks: renew (a new lifetime, the same secret), rotate (a
 * new secret with an overlap window), and a token's rotation of itself.
 */
@Service
public class TokenLifecycleService {

	private final AccessTokenService tokens;

	private final AccessTokenStore store;

	private final TokenRotation rotation;

	private final TokenAuthenticator authenticator;

	private final TokenUsageRecorder usage;

	private final TokenPolicyService policies;

	private final TokenEvents tokenEvents;

	private final Clock clock;

	TokenLifecycleService(AccessTokenService tokens, AccessTokenStore store, TokenRotation rotation,
			TokenAuthenticator authenticator, TokenUsageRecorder usage, TokenPolicyService policies,
			TokenEvents tokenEvents, Clock clock) {
		this.tokens = tokens;
		this.store = store;
		this.rotation = rotation;
		this.authenticator = authenticator;
		this.usage = usage;
		this.policies = policies;
		this.tokenEvents = tokenEvents;
		this.clock = clock;
	}

	/**
	 * Gives a token a new lifetime from now, keeping its id and secret. Works on an expired
	 * token within the policy's renewal window. Never by a token: a leaked token must not be
	 * able to extend its own life.
	 */
	@Transactional
	public AccessToken renew(Caller caller, OwnerScope scope, String tokenId, Integer expiryDays) {
		AccessTokenService.requireModify(caller, scope);
		AccessToken token = this.tokens.find(scope, tokenId);
		TokenPolicy policy = this.policies.current();
		Instant now = this.clock.instant();
		if (token.isExpiredAt(now) && !policy.mayRenewExpired(token.expiryDate(), now)) {
			throw new ArgumentValidationException("This access token expired too long ago to be renewed ("
					+ policy.renewExpiredWithinDays() + " days at most); rotate it instead to get a new secret.");
		}
		int days = expiryDays != null ? expiryDays : policy.defaultExpiryDays(token.expiryDays());
		policy.checkExpiryDays(days);
		this.store.renew(token.id(), days, AccessToken.expiryDate(now, days));
		this.authenticator.evict(token.id());
		AccessToken renewed = this.usage.withPendingUse(this.store.findById(token.id()).orElseThrow());
		this.tokenEvents.changed(TokenEvent.Kind.RENEWED, caller, scope, renewed, "expiryDays=" + days);
		return renewed;
	}

	/**
	 * Gives a token a new secret, keeping its id, name and permissions. Only the owner, by
	 * password, may: the new secret is shown to the caller, so an administrator rotating someone
	 * else's token could act as them.
	 */
	@Transactional
	public TokenWithSecret rotate(Caller caller, OwnerScope scope, String tokenId, Integer expiryDays,
			Integer gracePeriodMinutes) {
		if (!scope.canCreate(caller)) {
			throw new AuthorisationException(caller.usedToken()
					? "A token can rotate only itself, through /self/rotate."
					: "Only the owner, authenticated by password, may rotate this access token.");
		}
		TokenWithSecret rotated = this.rotation.rotate(this.tokens.find(scope, tokenId), expiryDays, gracePeriodMinutes,
				this.policies.current());
		this.tokenEvents.changed(TokenEvent.Kind.ROTATED, caller, scope, rotated.token(), "gracePeriodMinutes=" + gracePeriodMinutes);
		return rotated;
	}

	/**
	 * The calling token rotates itself, if the policy allows. It must use its current secret, and
	 * it cannot give itself a longer lifetime than it was created with.
	 */
	@Transactional
	public TokenWithSecret rotateSelf(Caller caller, Integer expiryDays, Integer gracePeriodMinutes) {
		AccessToken token = callersToken(caller);
		TokenPolicy policy = this.policies.current();
		if (!policy.selfRotation()) {
			throw new AuthorisationException("Self-rotation of access tokens is disabled by the token policy.");
		}
		if (caller.token().previousSecret()) {
			throw new AuthorisationException("Only the current secret of an access token can rotate it.");
		}
		if (expiryDays != null && token.expiryDays() != null && expiryDays > token.expiryDays()) {
			throw new ArgumentValidationException("expiryDays",
					"A token cannot give itself a longer lifetime than its own " + token.expiryDays() + " days.");
		}
		TokenWithSecret rotated = this.rotation.rotate(token, expiryDays, gracePeriodMinutes, policy);
		this.tokenEvents.selfRotated(caller, rotated.token(), "gracePeriodMinutes=" + gracePeriodMinutes);
		return rotated;
	}

	private AccessToken callersToken(Caller caller) {
		String id = caller.requireToken().id();
		return this.store.findById(id).orElseThrow(() -> new NoSuchAccessTokenException(id));
	}

}
