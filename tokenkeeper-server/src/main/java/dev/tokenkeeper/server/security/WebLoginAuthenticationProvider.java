package dev.tokenkeeper.server.security;

import java.time.Duration;
import java.util.List;

import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.audit.AuditLog;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The web UI's login form: a user name and a password, never a token (the password is checked
 * against the password hash only, so a token typed as the password fails like any wrong
 * password). Failures are throttled and counted exactly as on the REST API.
 */
final class WebLoginAuthenticationProvider implements AuthenticationProvider {

	private final PasswordAuthenticator passwords;

	private final AuthenticationThrottle throttle;

	private final AuditLog audit;

	WebLoginAuthenticationProvider(PasswordAuthenticator passwords, AuthenticationThrottle throttle, AuditLog audit) {
		this.passwords = passwords;
		this.throttle = throttle;
		this.audit = audit;
	}

	@Override
	public Authentication authenticate(Authentication login) {
		String name = login.getName() == null ? "" : login.getName().strip();
		String password = login.getCredentials() == null ? "" : login.getCredentials().toString();
		String address = (login.getDetails() instanceof WebAuthenticationDetails details) ? details.getRemoteAddress()
				: "unknown";
		Duration wait = this.throttle.retryAfter(address, () -> name).orElse(null);
		if (wait != null) {
			this.audit.countFailure(AuditEventType.AUTHENTICATION_THROTTLED, name, null);
			throw new LoginThrottledException(wait);
		}
		return this.passwords.authenticate(name, password).map(user -> {
			this.throttle.recordPasswordSuccess(user.name());
			return (Authentication) UsernamePasswordAuthenticationToken.authenticated(WebSessionUser.of(user), null,
					List.of());
		}).orElseThrow(() -> {
			this.throttle.recordFailure(address, name);
			this.audit.countFailure(AuditEventType.AUTHENTICATION_FAILED, name, null);
			return new BadCredentialsException("Bad credentials");
		});
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

	/** Too many failed logins from this address or for this name: try again later. */
	static final class LoginThrottledException extends AuthenticationException {

		LoginThrottledException(Duration wait) {
			super("Too many failed logins; wait " + wait.toSeconds() + " seconds");
		}

	}

}
