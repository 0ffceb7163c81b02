package dev.tokenkeeper.server.support.web;

import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bitbucket's user admin API takes passwords as query parameters. Frameworks log the query
 * string at DEBUG (the security filter chain, the dispatcher servlet), so every filter and
 * servlet after this one sees a query string with password values masked. Handlers still read
 * the real values through {@code getParameter}, which this does not touch.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SensitiveQueryMaskingFilter extends OncePerRequestFilter {

	private static final Pattern SENSITIVE = Pattern.compile("([^&=]*password[^&=]*)=([^&]*)",
			Pattern.CASE_INSENSITIVE);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String query = request.getQueryString();
		if (query == null || !query.toLowerCase(Locale.ROOT).contains("password")) {
			chain.doFilter(request, response);
			return;
		}
		String masked = SENSITIVE.matcher(query).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "=****"));
		chain.doFilter(new HttpServletRequestWrapper(request) {
			@Override
			public String getQueryString() {
				return masked;
			}
		}, response);
	}

}
