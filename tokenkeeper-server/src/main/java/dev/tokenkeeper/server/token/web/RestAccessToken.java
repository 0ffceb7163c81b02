package dev.tokenkeeper.server.token.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.user.web.RestApplicationUser;

/**
 * Bitbucket's access token object. Dates are epoch milliseconds; optional fields are left out
 * when absent. {@code token} (the raw secret) is present only in the response that creates or
 * rotates it, and {@code previousSecretValidUntil} only in a rotation's response.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({ "id", "createdDate", "lastAuthenticated", "expiryDays", "expiryDate", "name", "permissions",
		"user", "token", "previousSecretValidUntil" })
public record RestAccessToken(String id, long createdDate, Long lastAuthenticated, Integer expiryDays,
		Long expiryDate, String name, List<String> permissions, RestApplicationUser user, String token,
		Long previousSecretValidUntil) {

	static RestAccessToken of(AccessToken token, RestApplicationUser user) {
		return withSecret(token, user, null, null);
	}

	static RestAccessToken withSecret(AccessToken token, RestApplicationUser user, String rawToken,
			Instant previousSecretValidUntil) {
		return new RestAccessToken(token.id(), token.createdDate().toEpochMilli(), millis(token.lastAuthenticated()),
				token.expiryDays(), millis(token.expiryDate()), token.name(), token.permissions().names(), user,
				rawToken, millis(previousSecretValidUntil));
	}

	private static Long millis(Instant instant) {
		return instant == null ? null : instant.toEpochMilli();
	}

	@Override
	public String toString() {
		return "RestAccessToken[id=" + this.id + ", name=" + this.name + "]";
	}

}
