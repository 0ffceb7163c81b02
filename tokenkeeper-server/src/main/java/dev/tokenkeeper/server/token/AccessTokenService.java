package dev.tokenkeeper.server.token;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.tokenkeeper.server.permission.TokenPermissions;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.project.ResourceDeletedEvent;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.VisibleText;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.user.UserDeletedEvent;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The access token rules: who may do what, policy limits, and keeping the verification cache true. */
@Service
public class AccessTokenService {

	private static final int MAX_NAME_LENGTH = 255;

	private final AccessTokenStore store;

	private final OwnerTokenPages pages;

	private final TokenSecrets secrets;

	private final TokenAuthenticator authenticator;

	private final TokenUsageRecorder usage;

	private final UserService users;

	private final TokenPolicyService policies;

	private final ProjectService projects;

	private final TokenEvents tokenEvents;

	private final Clock clock;

	AccessTokenService(AccessTokenStore store, OwnerTokenPages pages, TokenSecrets secrets, TokenAuthenticator authenticator,
			TokenUsageRecorder usage, UserService users, TokenPolicyService policies, ProjectService projects,
			TokenEvents tokenEvents, Clock clock) {
		this.store = store;
		this.pages = pages;
		this.secrets = secrets;
		this.authenticator = authenticator;
		this.usage = usage;
		this.users = users;
		this.policies = policies;
		this.projects = projects;
		this.tokenEvents = tokenEvents;
		this.clock = clock;
	}

	/** A page of the owner's tokens, fetched one past the limit (see {@link PageRequest#fetchSize()}). */
	@Transactional(readOnly = true)
	public List<AccessToken> list(Caller caller, OwnerScope scope, PageRequest page) {
		requireRead(caller, scope);
		return this.pages.read(scope.owner(), page).stream().map(this.usage::withPendingUse).toList();
	}

	@Transactional(readOnly = true)
	public AccessToken get(Caller caller, OwnerScope scope, String tokenId) {
		requireRead(caller, scope);
		return this.usage.withPendingUse(find(scope, tokenId));
	}

	@Transactional
	public TokenWithSecret create(Caller caller, OwnerScope scope, String name, List<String> permissionNames,
			Integer expiryDays) {
		if (!scope.canCreate(caller)) {
			throw new AuthorisationException(caller.usedToken() ? "Access tokens cannot create access tokens."
					: "You are not permitted to create access tokens for this owner.");
		}
		String validName = validateName(name);
		TokenPermissions permissions = TokenPermissions.parse(permissionNames);
		TokenPolicy policy = this.policies.current();
		policy.checkExpiryDays(expiryDays);

		lockOwner(scope.owner());
		if (this.store.countByOwner(scope.owner()) >= policy.maxTokensPerOwner()) {
			throw new ArgumentValidationException("This owner already has the maximum number of tokens ("
					+ policy.maxTokensPerOwner() + ").");
		}
		String id = newId();
		TokenSecrets.NewSecret secret = this.secrets.newSecret(id);
		Instant now = this.clock.instant();
		AccessToken token = new AccessToken(id, scope.owner(), tokenUserId(scope.owner(), id, validName), validName,
				permissions, now,
				expiryDays, expiryDays == null ? null : AccessToken.expiryDate(now, expiryDays), null,
				SecretHashes.of(secret.hash()));
		this.store.insert(token);
		this.pages.forget(token.owner());
		this.authenticator.evict(id);
		this.tokenEvents.changed(TokenEvent.Kind.CREATED, caller, scope, token, "permissions=" + permissions.names()
				+ ", expiryDays=" + expiryDays);
		return new TokenWithSecret(token, secret.rawToken());
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
		if (!newName.equals(token.name()) && token.owner().type() != TokenOwner.Type.USER) {
			this.users.renameServiceUser(token.userId(), newName);
		}
		this.authenticator.evict(token.id());
		AccessToken updated = this.usage.withPendingUse(this.store.findById(token.id()).orElseThrow());
		this.tokenEvents.changed(TokenEvent.Kind.UPDATED, caller, scope, updated,
				"name changed=" + !newName.equals(token.name()) + ", permissions=" + newPermissions.names());
		return updated;
	}

	@Transactional
	public void delete(Caller caller, OwnerScope scope, String tokenId) {
		requireModify(caller, scope);
		AccessToken token = find(scope, tokenId);
		remove(token);
		this.pages.forget(token.owner());
		this.tokenEvents.changed(TokenEvent.Kind.DELETED, caller, scope, token, null);
	}

	/**
	 * Deletes every token of the project or repositories that are being deleted (the event may name
	 * several), in the same transaction, in id order across them all: the order in which the use
	 * flush locks tokens, so that the two never deadlock. The owners' rows are locked first, so that
	 * no token is created for them meanwhile.
	 */
	@EventListener
	void onResourceDeleted(ResourceDeletedEvent event) {
		List<TokenOwner> owners = new ArrayList<>();
		if (event.projectId() != null) {
			owners.add(new TokenOwner(TokenOwner.Type.PROJECT, event.projectId()));
		}
		event.repositoryIds().forEach(id -> owners.add(new TokenOwner(TokenOwner.Type.REPOSITORY, id)));
		owners.forEach(this::lockOwner);
		owners.stream()
			.flatMap(owner -> this.store.findAllByOwner(owner).stream())
			.sorted(Comparator.comparing(AccessToken::id))
			.forEach(token -> {
				remove(token);
				this.tokenEvents.deletedWithOwner(token);
			});
		owners.forEach(this.pages::forget);
	}

	/**
	 * Before a user is deleted, in the same transaction: locks the user, so that no token is
	 * created for them meanwhile, and deletes their tokens in id order (see
	 * {@link AccessTokenStore#deleteInIdOrder}) before the foreign key would.
	 */
	@EventListener
	void onUserDeleted(UserDeletedEvent event) {
		TokenOwner owner = TokenOwner.user(event.userId());
		lockOwner(owner);
		this.store.deleteInIdOrder(this.store.idsOf(owner));
	}

	private void remove(AccessToken token) {
		this.store.delete(token.id());
		if (token.owner().type() != TokenOwner.Type.USER) {
			this.users.deleteServiceUser(token.userId());
		}
		this.authenticator.evict(token.id());
		this.usage.forget(token.id());
	}

	/** The user a new token acts as: its owner, or for a project or repository token a service user of its own. */
	private long tokenUserId(TokenOwner owner, String tokenId, String tokenName) {
		return owner.type() == TokenOwner.Type.USER ? owner.id()
				: this.users.createServiceUser("token-" + tokenId, tokenName).id();
	}

	/** The scope's token with this id; 404 for any other id. */
	AccessToken find(OwnerScope scope, String tokenId) {
		return this.store.findById(tokenId)
			.filter(token -> token.owner().equals(scope.owner()))
			.orElseThrow(() -> new NoSuchAccessTokenException(tokenId));
	}

	/** Locks the owner's row; if the owner was deleted since the request found it, the request lost a race. */
	private void lockOwner(TokenOwner owner) {
		boolean exists = switch (owner.type()) {
			case USER -> this.users.lock(owner.id());
			case PROJECT -> this.projects.lockProject(owner.id());
			case REPOSITORY -> this.projects.lockRepo(owner.id());
		};
		if (!exists) {
			throw new ConcurrencyFailureException("The owner " + owner + " was deleted by another request");
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

	static void requireModify(Caller caller, OwnerScope scope) {
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
		if (VisibleText.hasHiddenCharacters(name)) {
			throw new ArgumentValidationException("name",
					"The token name must not contain control or invisible characters.");
		}
		return name;
	}

}
