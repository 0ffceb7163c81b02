package dev.tokenkeeper.server.security;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.audit.AuditLog;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.RestErrorWriter;
import dev.tokenkeeper.server.support.web.RestErrors;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around an authentication attempt on the REST API: throttled callers are turned
 * away before any credential is checked (no bcrypt for a flood), failures are counted for the
 * throttle and the audit log and answered with the one identical 401, and successes tell a
 * token's holder when their secret expires. A database that cannot be reached is 503, not a failure.
 */
final class RestAuthenticationOutcomes extends OncePerRequestFilter
		implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(RestAuthenticationOutcomes.class);

	private static final String THROTTLED_EXCEPTION = "dev.tokenkeeper.server.security.AuthenticationThrottledException";

	private final AuthenticationThrottle throttle;

	private final AuditLog audit;

	private final RestAuthenticationEntryPoint entryPoint;

	private final RestErrorWriter errorWriter;

	private final boolean announceExpiration;

	RestAuthenticationOutcomes(AuthenticationThrottle throttle, AuditLog audit, RestAuthenticationEntryPoint entryPoint,
			RestErrorWriter errorWriter, boolean announceExpiration) {
		this.throttle = throttle;
		this.audit = audit;
		this.entryPoint = entryPoint;
		this.errorWriter = errorWriter;
		this.announceExpiration = announceExpiration;
	}

	/** Runs before authentication: refuses a throttled address or user name with 429. */
	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
			Duration wait = this.throttle
				.retryAfter(request.getRemoteAddr(), () -> PresentedCredentials.of(request).passwordLoginName())
				.orElse(null);
			if (wait != null) {
				PresentedCredentials presented = PresentedCredentials.of(request);
				long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
				this.audit.countFailure(AuditEventType.AUTHENTICATION_THROTTLED, presented.name(), presented.tokenId());
				response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
				this.errorWriter.write(response, HttpStatus.TOO_MANY_REQUESTS.value(), RestErrors.of(null,
						"Too many failed authentication attempts. Try again in " + seconds + " seconds.",
						THROTTLED_EXCEPTION));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException, ServletException {
		if (exception instanceof AuthenticationServiceException) {
			// The database could not be asked: no verdict on the credentials, so neither counted nor 401.
			log.warn("Cannot authenticate, the database is unavailable: {}",
					NestedExceptionUtils.getMostSpecificCause(exception).toString());
			this.errorWriter.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(),
					RestErrors.of(null, RestErrors.DATABASE_UNAVAILABLE, null));
			return;
		}
		PresentedCredentials presented = PresentedCredentials.of(request);
		this.throttle.recordFailure(request.getRemoteAddr(), presented.passwordLoginName());
		this.audit.countFailure(AuditEventType.AUTHENTICATION_FAILED, presented.name(), presented.tokenId());
		this.entryPoint.commence(request, response, exception);
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		Caller caller = ((CallerAuthentication) authentication).getPrincipal();
		if (!caller.usedToken()) {
			this.throttle.recordPasswordSuccess(caller.user().name());
		}
		else if (this.announceExpiration) {
			TokenHeaders.announceCredentialExpiry(response, caller.token());
		}
	}

}
