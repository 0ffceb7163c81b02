package dev.tokenkeeper.server.security;

import java.util.Optional;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.token.TokenAuthenticator;
import dev.tokenkeeper.server.token.TokenSecrets;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Turns credentials into a {@link CallerAuthentication}, whose principal is the {@link Caller}:
 * a Bearer token; Basic user:token (the token must belong to that user and be a personal token);
 * or Basic user:password. All failures throw the same exception, so they all look alike to the
 * client.
 */
@Component
class CredentialsAuthenticationProvider implements AuthenticationProvider {

	private final TokenAuthenticator tokens;

	private final PasswordAuthenticator passwords;

	CredentialsAuthenticationProvider(TokenAuthenticator tokens, PasswordAuthenticator passwords) {
		this.tokens = tokens;
		this.passwords = passwords;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		try {
			return verify(authentication);
		}
		catch (DataAccessResourceFailureException | TransientDataAccessResourceException | TransactionException ex) {
			// Not a verdict on the credentials: the database could not be asked (see RestAuthenticationOutcomes).
			throw new AuthenticationServiceException("The database is unavailable", ex);
		}
	}

	private Authentication verify(Authentication authentication) {
		Optional<CallerAuthentication> caller = (authentication instanceof BearerTokenAuthentication bearer)
				? this.tokens.authenticate((String) bearer.getCredentials()).map(CallerAuthentication::token)
				: basic((String) authentication.getPrincipal(), (String) authentication.getCredentials());
		return caller.orElseThrow(() -> new BadCredentialsException("Bad credentials"));
	}

	private Optional<CallerAuthentication> basic(String username, String secret) {
		if (TokenSecrets.parse(secret).isPresent()) {
			Optional<CallerAuthentication> byToken = this.tokens.authenticatePersonal(secret, username)
				.map(CallerAuthentication::token);
			if (byToken.isPresent()) {
				return byToken;
			}
		}
		return this.passwords.authenticate(username, secret).map(CallerAuthentication::password);
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return BearerTokenAuthentication.class.isAssignableFrom(authentication)
				|| UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
