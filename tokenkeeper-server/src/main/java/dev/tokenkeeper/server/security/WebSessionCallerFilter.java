package dev.tokenkeeper.server.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UsersById;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns the session's user into this request's {@link Caller}, read afresh (through the user
 * cache that every change evicts). A session whose user is gone, no longer licensed or has a
 * new password is ended here, so the request continues as anonymous and is sent to log in.
 * The caller is set for this request only; the session keeps just the {@link WebSessionUser}.
 */
final class WebSessionCallerFilter extends OncePerRequestFilter {

	private final UsersById users;

	WebSessionCallerFilter(UsersById users) {
		this.users = users;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof WebSessionUser sessionUser) {
			Optional<User> user = this.users.find(sessionUser.id()).filter(sessionUser::isStillValidFor);
			SecurityContext context = SecurityContextHolder.createEmptyContext();
			if (user.isPresent()) {
				context.setAuthentication(CallerAuthentication.password(user.get()));
			}
			else {
				HttpSession session = request.getSession(false);
				if (session != null) {
					session.invalidate();
				}
			}
			SecurityContextHolder.setContext(context);
		}
		chain.doFilter(request, response);
	}

}
