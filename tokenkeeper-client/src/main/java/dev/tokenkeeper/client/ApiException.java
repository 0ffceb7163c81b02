package dev.tokenkeeper.client;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The server answered with an error status. Bitbucket's {@code {"errors":[...]}} envelope is
 * kept whole: {@link #errors()} has every message. A body that is not that envelope (a proxy's
 * HTML page, say) gives one message naming the status.
 */
public class ApiException extends TokenkeeperClientException {

	private final int status;

	private final String method;

	private final String path;

	private final List<ErrorMessage> errors;

	/**
	 * @param status the HTTP status
	 * @param method the request method
	 * @param path the request path and query (this client never puts a secret in either)
	 * @param errors the server's messages, at least one
	 */
	public ApiException(int status, String method, String path, List<ErrorMessage> errors) {
		super(status + " from " + method + " " + path + ": "
				+ errors.stream().map(ErrorMessage::message).collect(Collectors.joining("; ")), null);
		this.status = status;
		this.method = method;
		this.path = path;
		this.errors = List.copyOf(errors);
	}

	/** @return the HTTP status */
	public int status() {
		return this.status;
	}

	/** @return the request method */
	public String method() {
		return this.method;
	}

	/** @return the request path */
	public String path() {
		return this.path;
	}

	/** @return every message of the server's error envelope */
	public List<ErrorMessage> errors() {
		return this.errors;
	}

	/** @return the messages alone, joined by "; " */
	public String messages() {
		return this.errors.stream().map(ErrorMessage::message).collect(Collectors.joining("; "));
	}

	/**
	 * Whether the credentials failed or do not permit this: 401 (Bitbucket's answer to both on the
	 * access token API) or 403.
	 * @return whether this is an authentication or permission failure
	 */
	public boolean isAuthenticationFailure() {
		return this.status == 401 || this.status == 403;
	}

	/** @return whether the user, project, repository, token or path does not exist (404) */
	public boolean isNotFound() {
		return this.status == 404;
	}

	/** @return whether the request was refused as invalid (400) */
	public boolean isValidationFailure() {
		return this.status == 400;
	}

}
