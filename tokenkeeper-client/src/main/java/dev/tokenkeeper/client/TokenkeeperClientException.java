package dev.tokenkeeper.client;

/**
 * Base of everything this client throws. Messages never contain a secret: no password, no
 * token, no {@code Authorization} header, no request body.
 */
public abstract class TokenkeeperClientException extends RuntimeException {

	protected TokenkeeperClientException(String message, Throwable cause) {
		super(message, cause);
	}

}
