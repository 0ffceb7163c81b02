package dev.tokenkeeper.server.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page: errors raised outside Spring MVC (a request the container itself
 * rejects, a filter that fails) still get Bitbucket's envelope and never a stack trace.
 */
@RestController
class RestErrorController implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.ALL_VALUE)
	ResponseEntity<RestErrors> error(HttpServletRequest request, HttpServletResponse response) {
		RestErrorWriter.addSecurityHeaders(response);
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		if (status == null || !status.isError()) {
			status = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		String message = status.is5xxServerError() ? "An unexpected error occurred. The server log has the details."
				: status.getReasonPhrase();
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
			.body(RestErrors.of(null, message, null));
	}

}
