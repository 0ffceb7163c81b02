package dev.tokenkeeper.server.support;

/** Base of the "no such thing" exceptions (HTTP 404). */
public abstract class NoSuchEntityException extends ServiceException {

	protected NoSuchEntityException(String message) {
		super(message);
	}

}
