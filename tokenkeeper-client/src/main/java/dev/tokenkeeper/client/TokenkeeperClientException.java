package dev.tokenkeeper.client;

/**
 * Base of everything this client throws. Messages never contain a secret: no password, no
 * token, no {@code Authorization} header, no request body.
 */
public abstract class TokenkeeperClientException extends RuntimeException {

	/**
	 * @param message what failed, without secrets
	 * @param cause the underlying failure, or {@code null}
	 */
	protected TokenkeeperClientException(String message, Throwable cause) {
		super(message, cause);
	}

}
