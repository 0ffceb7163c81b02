package dev.tokenkeeper.server.support;

/**
 * Base of the typed exceptions that services throw. They carry no HTTP types: the web layer
 * maps each subclass to a status code and Bitbucket's error envelope. Messages are shown to the
 * caller, so they must never contain a secret.
 */
public abstract class ServiceException extends RuntimeException {

	private final String context;

	protected ServiceException(String message) {
		this(null, message);
	}

	protected ServiceException(String context, String message) {
		super(message, null, false, false);
		this.context = context;
	}

	/** The request field the error is about, or {@code null}. */
	public String context() {
		return this.context;
	}

}
