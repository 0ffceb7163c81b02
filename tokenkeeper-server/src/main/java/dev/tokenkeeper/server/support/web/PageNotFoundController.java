package dev.tokenkeeper.server.support.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Any other path under the web UI's sections is a page that does not exist: shown as a page, not
 * as the REST API's JSON. Every real page has a more specific mapping, so it wins over these.
 */
@Controller
class PageNotFoundController implements PageController {

	@RequestMapping({ "/tokens/**", "/projects/**", "/admin/**" })
	ModelAndView notFound(HttpServletRequest request) {
		return PageErrorAdvice.page(request, HttpStatus.NOT_FOUND, "There is no such page.");
	}

}
