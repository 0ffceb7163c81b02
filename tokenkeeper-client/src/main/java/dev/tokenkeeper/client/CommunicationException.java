package dev.tokenkeeper.client;

/**
 * The server could not be reached or did not answer: connection refused, DNS, TLS handshake
 * (an untrusted certificate, say), timeout. Nothing is known about whether a write happened
 * when this interrupts one.
 */
public class CommunicationException extends TokenkeeperClientException {

	/**
	 * @param message what failed, without secrets
	 * @param cause the I/O failure
	 */
	public CommunicationException(String message, Throwable cause) {
		super(message, cause);
	}

}
