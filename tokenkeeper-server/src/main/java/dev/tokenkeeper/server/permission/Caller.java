package dev.tokenkeeper.server.permission;

import dev.tokenkeeper.server.user.User;

/**
 * Who is making a request and how they proved it.
 *
 * @param user the authenticated user (for a token, the user the token acts as)
 * @param tokenId the id of the access token used, or {@code null} when a password was used
 */
public record Caller(User user, String tokenId) {

	public static Caller password(User user) {
		return new Caller(user, null);
	}

	public static Caller token(User user, String tokenId) {
		return new Caller(user, tokenId);
	}

	public boolean usedToken() {
		return this.tokenId != null;
	}

	public boolean is(User other) {
		return this.user.id() == other.id();
	}

}
