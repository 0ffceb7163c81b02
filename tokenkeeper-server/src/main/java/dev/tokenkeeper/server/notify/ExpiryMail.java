package dev.tokenkeeper.server.notify;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.TokenOwner;

/**
 * The text of an expiry notice: which token (name and id, never the secret), when it expires,
 * and exactly how to renew it with {@code tk} and with curl.
 *
 * @param ownerPath the token's owner path under {@code /rest/access-tokens/1.0}, e.g. {@code /users/john}
 * @param tkOwnerOptions the {@code tk} options that name that owner, e.g. {@code --project PRJ}
 */
record ExpiryMail(AccessToken token, String ownerLabel, String ownerPath, String tkOwnerOptions, String baseUrl,
		Instant now) {

	String subject() {
		return "[Tokenkeeper] Access token \"" + this.token.name() + "\" " + when();
	}

	String body() {
		String renewPath = this.baseUrl + "/rest/access-tokens/1.0" + this.ownerPath + "/" + this.token.id() + "/renew";
		String curlUser = this.token.owner().type() == TokenOwner.Type.USER
				? this.ownerPath.substring("/users/".length()) : "<your user name>";
		return """
				The access token "%s" (id %s) of %s %s: %s.

				Renew it, keeping its secret, with the tk command line:

				    tk tokens renew %s%s

				or over the REST API:

				    curl -u %s -X POST %s

				Manage tokens at %s/

				This message names the token, never its secret.
				""".formatted(this.token.name(), this.token.id(), this.ownerLabel, when(), this.token.expiryDate(),
				this.token.id(), this.tkOwnerOptions, curlUser, renewPath, this.baseUrl);
	}

	private String when() {
		Duration left = Duration.between(this.now, this.token.expiryDate());
		if (left.isNegative() || left.isZero()) {
			return "has expired";
		}
		long days = left.toDays();
		return days >= 1 ? "expires in " + days + (days == 1 ? " day" : " days")
				: "expires in " + Math.max(1, left.toHours()) + " hours";
	}

}
