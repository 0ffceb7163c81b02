package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The access token rules: who may do what, policy limits, and keeping the verification cache true. */
@Service
public class AccessTokenService {

	private static final int MAX_NAME_LENGTH = 255;

	private final AccessTokenStore store;

	private final TokenSecrets secrets;

	private final TokenAuthenticator authenticator;

	private final TokenUsageRecorder usage;

	private final UserService users;

	private final TokenProperties properties;

	private final Clock clock;

	AccessTokenService(AccessTokenStore store, TokenSecrets secrets, TokenAuthenticator authenticator,
			TokenUsageRecorder usage, UserService users, TokenProperties properties, Clock clock) {
		this.store = store;
		this.secrets = secrets;
		this.authenticator = authenticator;
		this.usage = usage;
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	/** A page of the owner's tokens, fetched one past the limit (see {@link PageRequest#fetchSize()}). */
	@Transactional(readOnly = true)
	public List<AccessToken> list(Caller caller, OwnerScope scope, PageRequest page) {
		requireRead(caller, scope);
		return this.store.findByOwner(scope.owner(), page).stream().map(this.usage::withPendingUse).toList();
	}

	@Transactional(readOnly = true)
	public AccessToken get(Caller caller, OwnerScope scope, String tokenId) {
		requireRead(caller, scope);
		return this.usage.withPendingUse(find(scope, tokenId));
	}

	@Transactional
	public CreatedToken create(Caller caller, OwnerScope scope, String name, List<String> permissionNames,
			Integer expiryDays) {
		if (!scope.canCreate(caller)) {
			throw new AuthorisationException(caller.usedToken() ? "Access tokens cannot create access tokens."
					: "You are not permitted to create access tokens for this owner.");
		}
		String validName = validateName(name);
		TokenPermissions permissions = TokenPermissions.parse(permissionNames);
		TokenPolicy policy = this.properties.policy();
		policy.checkExpiryDays(expiryDays);

		lockOwner(scope.owner());
		if (this.store.countByOwner(scope.owner()) >= policy.maxTokensPerOwner()) {
			throw new ArgumentValidationException("This owner already has the maximum number of tokens ("
					+ policy.maxTokensPerOwner() + ").");
		}
		String id = newId();
		TokenSecrets.NewSecret secret = this.secrets.newSecret(id);
		Instant now = this.clock.instant();
		AccessToken token = new AccessToken(id, scope.owner(), scope.tokenUserId(), validName, permissions, now,
				expiryDays, expiryDays == null ? null : AccessToken.expiryDate(now, expiryDays), null, secret.hash());
		this.store.insert(token);
		this.authenticator.evict(id);
		return new CreatedToken(token, secret.rawToken());
	}

	/** Changes the name and/or permissions; what is not given keeps its value. Expiry cannot change. */
	@Transactional
	public AccessToken update(Caller caller, OwnerScope scope, String tokenId, String name,
			List<String> permissionNames, Integer expiryDays) {
		requireModify(caller, scope);
		if (expiryDays != null) {
			throw new ArgumentValidationException("expiryDays", "The expiry of an access token cannot be changed.");
		}
		AccessToken token = find(scope, tokenId);
		String newName = name == null ? token.name() : validateName(name);
		TokenPermissions newPermissions = permissionNames == null ? token.permissions()
				: TokenPermissions.parse(permissionNames);
		this.store.update(token.id(), newName, newPermissions);
		this.authenticator.evict(token.id());
		return this.usage.withPendingUse(this.store.findById(token.id()).orElseThrow());
	}

	@Transactional
	public void delete(Caller caller, OwnerScope scope, String tokenId) {
		requireModify(caller, scope);
		AccessToken token = find(scope, tokenId);
		this.store.delete(token.id());
		this.authenticator.evict(token.id());
		this.usage.forget(token.id());
	}

	private AccessToken find(OwnerScope scope, String tokenId) {
		return this.store.findById(tokenId)
			.filter(token -> token.owner().equals(scope.owner()))
			.orElseThrow(() -> new NoSuchAccessTokenException(tokenId));
	}

	private void lockOwner(TokenOwner owner) {
		switch (owner.type()) {
			case USER -> this.users.lock(owner.id());
			default -> throw new IllegalStateException("No lock for owner type " + owner.type());
		}
	}

	private String newId() {
		String id = this.secrets.newId();
		while (this.store.exists(id)) {
			id = this.secrets.newId();
		}
		return id;
	}

	private static void requireRead(Caller caller, OwnerScope scope) {
		if (!scope.canRead(caller)) {
			throw new AuthorisationException("You are not permitted to access these access tokens.");
		}
	}

	private static void requireModify(Caller caller, OwnerScope scope) {
		if (!scope.canModify(caller)) {
			throw new AuthorisationException(caller.usedToken() ? "Access tokens cannot change access tokens."
					: "You are not permitted to change these access tokens.");
		}
	}

	private static String validateName(String name) {
		if (name == null || name.isBlank()) {
			throw new ArgumentValidationException("name", "A token name is required.");
		}
		if (name.length() > MAX_NAME_LENGTH) {
			throw new ArgumentValidationException("name",
					"The token name must be at most " + MAX_NAME_LENGTH + " characters.");
		}
		if (name.chars().anyMatch(Character::isISOControl)) {
			throw new ArgumentValidationException("name", "The token name must not contain control characters.");
		}
		return name;
	}

	/** A newly created token and its raw secret, to be shown once. */
	public record CreatedToken(AccessToken token, String rawToken) {

		@Override
		public String toString() {
			return "CreatedToken[" + this.token + "]";
		}

	}

}
