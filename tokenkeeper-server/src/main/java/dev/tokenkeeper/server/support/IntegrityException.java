package dev.tokenkeeper.server.support;

/** The request conflicts with the current state, e.g. a duplicate name (HTTP 409). */
public class IntegrityException extends ServiceException {

	public IntegrityException(String message) {
		super(message);
	}

	public IntegrityException(String context, String message) {
		super(context, message);
	}

}
