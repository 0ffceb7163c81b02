package dev.tokenkeeper.server.support.web;

import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.IntegrityException;
import dev.tokenkeeper.server.support.NoSuchEntityException;
import dev.tokenkeeper.server.support.ServiceException;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.TransactionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one place that turns exceptions into HTTP responses: Bitbucket's status codes and its
 * {@code {"errors":[...]}} envelope. Spring MVC's own exceptions (unknown path, wrong method,
 * wrong content type, unreadable body) keep their status codes and headers from
 * {@link ResponseEntityExceptionHandler} and get the same envelope. Only 5xx are logged.
 */
@RestControllerAdvice
class RestErrorAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(RestErrorAdvice.class);

	@ExceptionHandler(ServiceException.class)
	ResponseEntity<Object> handleServiceException(ServiceException ex) {
		return errors(statusOf(ex), HttpHeaders.EMPTY, ex.context(), ex.getMessage(), ex.getClass().getName());
	}

	/** Two requests changed the same rows at once and this one lost: nothing it did was kept. */
	@ExceptionHandler(ConcurrencyFailureException.class)
	ResponseEntity<Object> handleConcurrentChange(ConcurrencyFailureException ex) {
		return errors(HttpStatus.CONFLICT, HttpHeaders.EMPTY, null, RestErrors.CONCURRENT_CHANGE, null);
	}

	/**
	 * A concurrent request created or removed what this one depended on (the same unique key,
	 * a row a foreign key points at): a lost race, never a server error. Nothing was kept.
	 */
	@ExceptionHandler(DataIntegrityViolationException.class)
	ResponseEntity<Object> handleConflictingChange(DataIntegrityViolationException ex) {
		return errors(HttpStatus.CONFLICT, HttpHeaders.EMPTY, null, RestErrors.CONCURRENT_CHANGE, null);
	}

	/**
	 * The database cannot be reached (or the connection broke mid-transaction): nothing was
	 * acknowledged, so the client may retry, here or on another node. Only the cause's type and
	 * message are logged, never the statement.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, TransientDataAccessResourceException.class,
			TransactionException.class })
	ResponseEntity<Object> handleDatabaseUnavailable(Exception ex) {
		log.warn("The database is unavailable: {}", NestedExceptionUtils.getMostSpecificCause(ex).toString());
		return errors(HttpStatus.SERVICE_UNAVAILABLE, HttpHeaders.EMPTY, null, RestErrors.DATABASE_UNAVAILABLE, null);
	}

	/**
	 * Tomcat decodes query (and form) parameters lazily and throws when one is not correctly
	 * percent-encoded. Its message quotes the raw value, which may be a password: never log it.
	 */
	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<Object> handleUndecodableParameter(InvalidParameterException ex) {
		return errors(HttpStatus.BAD_REQUEST, HttpHeaders.EMPTY, null,
				"A request parameter is not correctly percent-encoded as UTF-8.", null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex) {
		log.error("Unexpected error while handling a request", ex);
		return errors(HttpStatus.INTERNAL_SERVER_ERROR, HttpHeaders.EMPTY, null,
				"An unexpected error occurred. The server log has the details.", null);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (causedBy(ex, PayloadTooLargeException.class)) {
			return errors(HttpStatus.CONTENT_TOO_LARGE, headers, null,
					PayloadTooLargeException.MESSAGE, null);
		}
		// Jackson's own messages may quote the body, which could hold a password: never echo them.
		if (ex.getCause() instanceof JacksonException jackson && !jackson.getPath().isEmpty()) {
			String field = jackson.getPath()
				.stream()
				.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
				.collect(Collectors.joining("."))
				.replace(".[", "[");
			return errors(HttpStatus.BAD_REQUEST, headers, field, field + " has a missing or wrong type of value.",
					null);
		}
		String message = (ex.getCause() instanceof MismatchedInputException)
				? "The request body does not have the expected structure."
				: (ex.getCause() instanceof JacksonException) ? "The request body is not valid JSON."
						: "The request body is missing or cannot be read.";
		return errors(HttpStatus.BAD_REQUEST, headers, null, message, null);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (statusCode.is5xxServerError()) {
			log.error("Error while handling a request", ex);
		}
		String message = (ex instanceof ErrorResponse response && response.getBody().getDetail() != null)
				? response.getBody().getDetail() : HttpStatus.valueOf(statusCode.value()).getReasonPhrase();
		return errors(statusCode, headers, null, message, null);
	}

	private static ResponseEntity<Object> errors(HttpStatusCode status, HttpHeaders headers, String context,
			String message, String exceptionName) {
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(RestErrors.of(context, message, exceptionName));
	}

	private static HttpStatus statusOf(ServiceException ex) {
		if (ex instanceof NoSuchEntityException) {
			return HttpStatus.NOT_FOUND;
		}
		if (ex instanceof AuthorisationException) {
			return HttpStatus.UNAUTHORIZED;
		}
		if (ex instanceof IntegrityException) {
			return HttpStatus.CONFLICT;
		}
		if (ex instanceof ArgumentValidationException) {
			return HttpStatus.BAD_REQUEST;
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return true;
			}
		}
		return false;
	}

}
