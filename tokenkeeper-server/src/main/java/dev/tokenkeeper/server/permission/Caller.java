package dev.tokenkeeper.server.permission;

import java.time.Instant;
import java.util.Objects;

import dev.tokenkeeper.server.audit.AuditEvent;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.user.User;

/**
 * Who is making a request and how they proved it.
 *
 * @param user the authenticated user (for a token, the user the token acts as)
 * @param token the access token used, or {@code null} when a password was used
 */
public record Caller(User user, TokenUse token) {

	public static Caller password(User user) {
		return new Caller(user, null);
	}

	/** A caller with a personal token that may do all its owner can (for tests and tools). */
	public static Caller token(User user, String tokenId) {
		return new Caller(user, new TokenUse(tokenId, null, false, TokenReach.personal(
				new TokenPermissions(ResourcePermission.REPO_ADMIN, ResourcePermission.PROJECT_ADMIN))));
	}

	public static Caller token(User user, TokenUse token) {
		return new Caller(user, token);
	}

	public boolean usedToken() {
		return this.token != null;
	}

	/**
	 * The token this caller used, for a resource that describes the calling token: a caller who
	 * used a password gets a bad request.
	 */
	public TokenUse requireToken() {
		if (this.token == null) {
			throw new ArgumentValidationException(
					"This resource describes the access token used to authenticate; this request used a password.");
		}
		return this.token;
	}

	/** The id of the token used, or {@code null}. */
	public String tokenId() {
		return this.token == null ? null : this.token.id();
	}

	public boolean is(User other) {
		return this.user.id() == other.id();
	}

	/** This caller as the actor of an audit event. */
	public AuditEvent.Actor actor() {
		return new AuditEvent.Actor(this.user.name(), tokenId());
	}

	/**
	 * How a token authenticated a request.
	 *
	 * @param id the token's id
	 * @param credentialExpiry when the presented secret stops working, or {@code null} if never
	 * @param credentialExpiryText the same as an ISO-8601 instant, as a response announces it: made
	 * once with the use that a cached token shares among its requests, not per request
	 * @param previousSecret whether the secret is the one replaced by a rotation, still in its overlap window
	 * @param reach what the token may do and where
	 */
	public record TokenUse(String id, Instant credentialExpiry, String credentialExpiryText, boolean previousSecret,
			TokenReach reach) {

		public TokenUse {
			assert Objects.equals(credentialExpiryText, expiryText(credentialExpiry)) : "text of another instant";
		}

		public TokenUse(String id, Instant credentialExpiry, boolean previousSecret, TokenReach reach) {
			this(id, credentialExpiry, expiryText(credentialExpiry), previousSecret, reach);
		}

		/** How a response announces a secret's expiry: an ISO-8601 instant, or {@code null} for none. */
		public static String expiryText(Instant expiry) {
			return expiry == null ? null : expiry.toString();
		}

	}

}
