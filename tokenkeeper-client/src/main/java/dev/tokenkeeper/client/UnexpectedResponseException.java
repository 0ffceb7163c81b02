package dev.tokenkeeper.client;

/**
 * The server answered with a success status but a body that is not what the contract describes,
 * for instance not JSON. Usually the base URL points at something other than Bitbucket's API.
 */
public class UnexpectedResponseException extends TokenkeeperClientException {

	/**
	 * @param message what was unexpected, without secrets
	 * @param cause the parsing failure, or {@code null}
	 */
	public UnexpectedResponseException(String message, Throwable cause) {
		super(message, cause);
	}

}
