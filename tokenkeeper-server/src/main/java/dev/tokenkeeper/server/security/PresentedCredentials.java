package dev.tokenkeeper.server.security;

import jakarta.servlet.http.HttpServletRequest;

import dev.tokenkeeper.server.token.TokenSecrets;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * What a request's credentials claim to be, for throttling and counting failures: the user name
 * (Basic), whether it is a password login, and the token id a token-shaped secret names. Never
 * the secret itself.
 */
record PresentedCredentials(String name, boolean passwordLogin, String tokenId) {

	static final PresentedCredentials NONE = new PresentedCredentials(null, false, null);

	static PresentedCredentials of(HttpServletRequest request) {
		Authentication authentication;
		try {
			authentication = new CredentialsConverter().convert(request);
		}
		catch (AuthenticationException ex) {
			return NONE;
		}
		if (authentication == null) {
			return NONE;
		}
		String secret = (String) authentication.getCredentials();
		String tokenId = TokenSecrets.parse(secret).map(TokenSecrets.PresentedToken::id).orElse(null);
		if (authentication instanceof UsernamePasswordAuthenticationToken) {
			return new PresentedCredentials((String) authentication.getPrincipal(), tokenId == null, tokenId);
		}
		return new PresentedCredentials(null, false, tokenId);
	}

	/** The name to throttle password logins by, or {@code null} when this is no password login. */
	String passwordLoginName() {
		return this.passwordLogin ? this.name : null;
	}

}
