package dev.tokenkeeper.client;

import java.time.Instant;
import java.util.Objects;

/**
 * A token together with its raw secret: what creating or rotating a token returns, the only
 * time a server ever shows the secret. {@link #toString()} leaves the secret out.
 *
 * @param token the token object
 * @param secret the raw token
 * @param previousSecretValidUntil after a rotation with an overlap window, until when the
 * replaced secret keeps working; otherwise {@code null}
 */
public record IssuedToken(AccessToken token, Secret secret, Instant previousSecretValidUntil) {

	/** Requires the token and its secret. */
	public IssuedToken {
		Objects.requireNonNull(token, "token");
		Objects.requireNonNull(secret, "secret");
	}

	@Override
	public String toString() {
		return "IssuedToken[id=" + this.token.id() + ", name=" + this.token.name() + ", secret=hidden]";
	}

}
