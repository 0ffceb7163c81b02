package dev.tokenkeeper.server.security;

import java.util.List;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.token.TokenAuthenticator.AuthenticatedToken;
import dev.tokenkeeper.server.user.User;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * A verified request: its principal is the {@link Caller}; no credentials are kept. A token's
 * request also keeps the token as its verification saw it (the verification cache's own object,
 * with the hashes of its secrets, never printed), for the controllers that describe it.
 */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	private final transient AuthenticatedToken verifiedToken;

	private CallerAuthentication(Caller caller, AuthenticatedToken verifiedToken) {
		super(List.of());
		this.caller = caller;
		this.verifiedToken = verifiedToken;
		setAuthenticated(true);
	}

	static CallerAuthentication token(AuthenticatedToken verified) {
		return new CallerAuthentication(Caller.token(verified.user(), verified.use()), verified);
	}

	static CallerAuthentication password(User user) {
		return new CallerAuthentication(Caller.password(user), null);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	/** The token that authenticated the request, or {@code null} if a password did. */
	AuthenticatedToken verifiedToken() {
		return this.verifiedToken;
	}

	@Override
	public String getName() {
		return this.caller.user().name();
	}

}
