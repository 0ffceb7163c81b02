package dev.tokenkeeper.server.token.web;

import java.time.Instant;

/**
 * A secret to show once, handed from a create or rotate to the page that shows it (as a flash
 * attribute: it leaves the session when that page reads it). {@link #toString()} leaves it out.
 *
 * @param previousValidUntil until when the secret it replaced still works, or {@code null}
 */
public record NewSecret(String tokenId, String value, Instant previousValidUntil) {

	@Override
	public String toString() {
		return "NewSecret[tokenId=" + this.tokenId + "]";
	}

}
