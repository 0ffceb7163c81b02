package dev.tokenkeeper.server.support.web;

import jakarta.servlet.http.HttpServletRequest;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout shows: who is logged in, whether they administer, and where they are. */
@ControllerAdvice(assignableTypes = PageController.class)
class PageModelAdvice {

	@ModelAttribute("viewer")
	Viewer viewer(@AuthenticationPrincipal Object principal) {
		return viewerOf(principal);
	}

	static Viewer viewerOf(Object principal) {
		return (principal instanceof Caller caller)
				? new Viewer(caller.user().name(), caller.user().displayName(), AccessRules.isAdmin(caller)) : null;
	}

	@ModelAttribute("path")
	String path(HttpServletRequest request) {
		return request.getRequestURI();
	}

	/** The logged-in user, as the layout shows them. */
	public record Viewer(String name, String displayName, boolean admin) {
	}

}
