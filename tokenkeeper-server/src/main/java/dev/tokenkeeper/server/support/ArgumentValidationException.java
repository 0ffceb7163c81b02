package dev.tokenkeeper.server.support;

/** The request is malformed or breaks a validation rule (HTTP 400). */
public class ArgumentValidationException extends ServiceException {

	public ArgumentValidationException(String message) {
		super(message);
	}

	public ArgumentValidationException(String context, String message) {
		super(context, message);
	}

}
