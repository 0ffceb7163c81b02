package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.permission.TokenPermissions;

/**
 * An access token as stored: never its raw secret, only hashes, which {@link #toString()}
 * leaves out.
 *
 * @param userId the user the token acts as (its owner, for a user token)
 * @param expiryDays the lifetime asked for at creation, or {@code null} if it never expires
 * @param expiryDate when it stops authenticating, or {@code null}
 * @param lastAuthenticated when it last authenticated, or {@code null} if never
 */
public record AccessToken(String id, TokenOwner owner, long userId, String name, TokenPermissions permissions,
		Instant createdDate, Integer expiryDays, Instant expiryDate, Instant lastAuthenticated, SecretHashes secrets) {

	/** The instant a token created (or renewed) at {@code start} for {@code days} days expires. */
	public static Instant expiryDate(Instant start, int days) {
		return start.plus(Duration.ofDays(days));
	}

	/** A token is expired from its expiry instant on; a token without one never expires. */
	public boolean isExpiredAt(Instant now) {
		return this.expiryDate != null && !now.isBefore(this.expiryDate);
	}

	public AccessToken withLastAuthenticated(Instant instant) {
		return new AccessToken(this.id, this.owner, this.userId, this.name, this.permissions, this.createdDate,
				this.expiryDays, this.expiryDate, instant, this.secrets);
	}

	@Override
	public String toString() {
		return "AccessToken[id=" + this.id + ", owner=" + this.owner + ", name=" + this.name + "]";
	}

}
