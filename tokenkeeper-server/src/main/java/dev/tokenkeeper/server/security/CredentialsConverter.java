package dev.tokenkeeper.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Enumeration;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the {@code Authorization} header: Basic (user and password or token) or Bearer (token).
 * No header means an anonymous request; a malformed or repeated one fails like bad credentials.
 */
final class CredentialsConverter implements AuthenticationConverter {

	@Override
	public Authentication convert(HttpServletRequest request) {
		Enumeration<String> headers = request.getHeaders(HttpHeaders.AUTHORIZATION);
		if (headers == null || !headers.hasMoreElements()) {
			return null;
		}
		String header = headers.nextElement();
		if (headers.hasMoreElements()) {
			throw new BadCredentialsException("More than one Authorization header");
		}
		String value = header.strip();
		if (startsWithScheme(value, "Basic")) {
			return basic(value.substring(5).strip());
		}
		if (startsWithScheme(value, "Bearer")) {
			String token = value.substring(6).strip();
			if (token.isEmpty()) {
				throw new BadCredentialsException("Empty bearer token");
			}
			return new BearerTokenAuthentication(token);
		}
		throw new BadCredentialsException("Unsupported authentication scheme");
	}

	private static Authentication basic(String encoded) {
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new BadCredentialsException("Malformed Basic credentials");
		}
		int colon = decoded.indexOf(':');
		if (colon < 1) {
			throw new BadCredentialsException("Malformed Basic credentials");
		}
		return UsernamePasswordAuthenticationToken.unauthenticated(decoded.substring(0, colon),
				decoded.substring(colon + 1));
	}

	private static boolean startsWithScheme(String value, String scheme) {
		return value.regionMatches(true, 0, scheme, 0, scheme.length())
				&& (value.length() == scheme.length() || value.charAt(scheme.length()) == ' ');
	}

}
