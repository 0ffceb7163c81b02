package dev.tokenkeeper.server.security.web;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.PageController;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page (the form posts to Spring Security) and the page a refused request ends on. */
@Controller
class LoginController implements PageController {

	@GetMapping("/login")
	String login(@AuthenticationPrincipal Object principal) {
		return (principal instanceof Caller) ? "redirect:/tokens" : "security/login";
	}

	/** Where Spring Security forwards a refused request, most often a form without a valid CSRF token. */
	@RequestMapping("/denied")
	@ResponseStatus(HttpStatus.FORBIDDEN)
	String denied(Model model) {
		model.addAttribute("status", 403);
		model.addAttribute("title", "Not allowed");
		model.addAttribute("message", "This request was refused. If you were sending a form, it may have expired: "
				+ "reload the page and try again.");
		return "error/page";
	}

}
