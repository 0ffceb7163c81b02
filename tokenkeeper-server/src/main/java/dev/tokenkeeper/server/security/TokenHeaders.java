package dev.tokenkeeper.server.security;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkeeper.server.permission.Caller.TokenUse;

/** The response headers Tokenkeeper adds for requests authenticated by a token (an extension). */
public final class TokenHeaders {

	/** When the secret that authenticated the request stops working, as an ISO-8601 instant. */
	public static final String EXPIRATION = "X-Token-Expiration";

	private TokenHeaders() {
	}

	/** Sets the expiration header, or removes it when the secret no longer expires ({@code null}). */
	public static void announceExpiration(HttpServletResponse response, Instant expiration) {
		response.setHeader(EXPIRATION, TokenUse.expiryText(expiration));
	}

	/** Sets the expiration header of the secret that authenticated the request, if it expires. */
	static void announceCredentialExpiry(HttpServletResponse response, TokenUse use) {
		if (use.credentialExpiryText() != null) {
			response.setHeader(EXPIRATION, use.credentialExpiryText());
		}
	}

}
