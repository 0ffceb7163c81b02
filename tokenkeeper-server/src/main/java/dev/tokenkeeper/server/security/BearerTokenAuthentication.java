package dev.tokenkeeper.server.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;

/** An unverified {@code Authorization: Bearer} token, as read from the request. */
final class BearerTokenAuthentication extends AbstractAuthenticationToken {

	private final String token;

	BearerTokenAuthentication(String token) {
		super(List.of());
		this.token = token;
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return null;
	}

	@Override
	public String toString() {
		return "BearerTokenAuthentication[hidden]";
	}

}
