package dev.tokenkeeper.server.security;

import java.util.List;

import dev.tokenkeeper.server.permission.Caller;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A verified request: its principal is the {@link Caller}; no credentials are kept. */
final class CallerAuthentication extends AbstractAuthenticationToken {

	private final Caller caller;

	CallerAuthentication(Caller caller) {
		super(List.of());
		this.caller = caller;
		setAuthenticated(true);
	}

	@Override
	public Object getCredentials() {
		return null;
	}

	@Override
	public Caller getPrincipal() {
		return this.caller;
	}

	@Override
	public String getName() {
		return this.caller.user().name();
	}

}
