package dev.tokenkeeper.client;

import java.util.List;
import java.util.Objects;

/**
 * The body of a create call: {@code {"name", "permissions", "expiryDays"}}.
 *
 * @param name the token's name, required
 * @param permissions a {@code REPO_*} and a {@code PROJECT_*} permission, e.g. {@code [REPO_WRITE, PROJECT_READ]}
 * @param expiryDays the lifetime in days, or {@code null} for a token that never expires (if the
 * server allows that)
 */
public record CreateTokenRequest(String name, List<String> permissions, Integer expiryDays) {

	/** Requires a name; copies {@code permissions}. */
	public CreateTokenRequest {
		Objects.requireNonNull(name, "name");
		permissions = List.copyOf(permissions);
	}

	/**
	 * A request for a token like {@code token}: the same name, permissions and lifetime.
	 * @param token the token to copy
	 * @return the request
	 */
	public static CreateTokenRequest like(AccessToken token) {
		return new CreateTokenRequest(token.name(), token.permissions(), token.expiryDays());
	}

	/**
	 * The same request with another lifetime.
	 * @param days the lifetime in days, or {@code null} for none
	 * @return the changed request
	 */
	public CreateTokenRequest withExpiryDays(Integer days) {
		return new CreateTokenRequest(this.name, this.permissions, days);
	}

}
