package dev.tokenkeeper.server.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkeeper.server.support.web.RestErrorWriter;
import dev.tokenkeeper.server.support.web.RestErrors;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Every authentication failure, whatever its reason (no credentials, malformed header, unknown
 * user, wrong password, unknown, expired or revoked token), gets this identical 401.
 */
final class RestAuthenticationEntryPoint implements AuthenticationEntryPoint {

	static final String MESSAGE = "Authentication failed. Please check your credentials and try again.";

	private static final String EXCEPTION_NAME = "dev.tokenkeeper.server.security.AuthenticationFailedException";

	private final RestErrorWriter errorWriter;

	RestAuthenticationEntryPoint(RestErrorWriter errorWriter) {
		this.errorWriter = errorWriter;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tokenkeeper\"");
		this.errorWriter.write(response, HttpServletResponse.SC_UNAUTHORIZED,
				RestErrors.of(null, MESSAGE, EXCEPTION_NAME));
	}

}
