package dev.tokenkeeper.server.support.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrityException;
import dev.tokenkeeper.server.support.NoSuchEntityException;
import dev.tokenkeeper.server.support.ServiceException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the web UI's pages, as a page: what went wrong in words, and a way back. Ordered
 * before {@code RestErrorAdvice}, which answers everything else with JSON. Only 5xx are logged.
 */
@ControllerAdvice(assignableTypes = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

	private static final Logger log = LoggerFactory.getLogger(PageErrorAdvice.class);

	@ExceptionHandler(ServiceException.class)
	ModelAndView serviceException(ServiceException ex, HttpServletRequest request) {
		HttpStatus status = (ex instanceof NoSuchEntityException) ? HttpStatus.NOT_FOUND
				: (ex instanceof AuthorisationException) ? HttpStatus.FORBIDDEN
						: (ex instanceof IntegrityException) ? HttpStatus.CONFLICT
								: (ex instanceof ArgumentValidationException) ? HttpStatus.BAD_REQUEST
										: HttpStatus.INTERNAL_SERVER_ERROR;
		return page(request, status, ex.getMessage());
	}

	/** A lost race with another request, as the REST API answers it (409): nothing was kept. */
	@ExceptionHandler({ ConcurrencyFailureException.class, DataIntegrityViolationException.class })
	ModelAndView concurrentChange(HttpServletRequest request) {
		return page(request, HttpStatus.CONFLICT, RestErrors.CONCURRENT_CHANGE);
	}

	/** The database cannot be reached, as the REST API answers it (503); only the cause is logged. */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			TransactionException.class })
	ModelAndView databaseUnavailable(Exception ex, HttpServletRequest request) {
		log.warn("The database is unavailable: {}", NestedExceptionUtils.getMostSpecificCause(ex).toString());
		return page(request, HttpStatus.SERVICE_UNAVAILABLE, RestErrors.DATABASE_UNAVAILABLE);
	}

	@ExceptionHandler(Exception.class)
	ModelAndView unexpected(Exception ex, HttpServletRequest request) {
		if (ex instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
			HttpStatus status = HttpStatus.valueOf(response.getStatusCode().value());
			return page(request, status,
					status == HttpStatus.NOT_FOUND ? "There is no such page." : status.getReasonPhrase() + ".");
		}
		log.error("Unexpected error while rendering a page", ex);
		return page(request, HttpStatus.INTERNAL_SERVER_ERROR,
				"Something went wrong on our side. The server log has the details.");
	}

	static ModelAndView page(HttpServletRequest request, HttpStatus status, String message) {
		ModelAndView page = new ModelAndView("error/page");
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		page.addObject("viewer", PageModelAdvice.viewerOf(authentication == null ? null : authentication.getPrincipal()));
		page.addObject("path", request.getRequestURI());
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("title", switch (status) {
			case NOT_FOUND -> "Not found";
			case FORBIDDEN -> "Not allowed";
			case CONFLICT, BAD_REQUEST -> "That did not work";
			default -> "Something went wrong";
		});
		page.addObject("message", message);
		return page;
	}

}
