package dev.tokenkeeper.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Bitbucket's access token object, without the secret (see {@link IssuedToken}). Dates are
 * epoch milliseconds on the wire.
 *
 * @param id twelve decimal digits, possibly starting with 0
 * @param createdDate when the token was created
 * @param lastAuthenticated when it last authenticated, or {@code null} if it never has
 * @param expiryDays the lifetime it was created (or last renewed) with, or {@code null} if it never expires
 * @param expiryDate when it stops authenticating, or {@code null} if it never expires
 * @param name its name
 * @param permissions its permissions, repository permission first, e.g. {@code [REPO_ADMIN, PROJECT_READ]}
 * @param user the user it acts as
 */
public record AccessToken(String id, Instant createdDate, Instant lastAuthenticated, Integer expiryDays,
		Instant expiryDate, String name, List<String> permissions, ApplicationUser user) {

	/** Copies {@code permissions}; a missing list becomes empty. */
	public AccessToken {
		permissions = (permissions == null) ? List.of() : List.copyOf(permissions);
	}

	/**
	 * Whether the token no longer authenticates at {@code now} because it expired.
	 * @param now the instant to judge at
	 * @return {@code true} from the expiry instant on; never for a token without expiry
	 */
	public boolean isExpiredAt(Instant now) {
		return this.expiryDate != null && !now.isBefore(this.expiryDate);
	}

	/**
	 * Whether the token expires within {@code window} of {@code now}, or has already expired.
	 * @param now the instant to judge at
	 * @param window how far ahead to look
	 * @return {@code true} when the expiry date is before {@code now + window}
	 */
	public boolean expiresWithin(Instant now, Duration window) {
		return this.expiryDate != null && this.expiryDate.isBefore(now.plus(window));
	}

	/** @return the {@code REPO_*} permission, if the token has one */
	public Optional<String> repositoryPermission() {
		return this.permissions.stream().filter(p -> p.startsWith("REPO_")).findFirst();
	}

	/** @return the {@code PROJECT_*} permission, if the token has one */
	public Optional<String> projectPermission() {
		return this.permissions.stream().filter(p -> p.startsWith("PROJECT_")).findFirst();
	}

}
