package dev.tokenkeeper.server.support;

/** The caller is authenticated but not permitted to do this (HTTP 401, as Bitbucket). */
public class AuthorisationException extends ServiceException {

	public AuthorisationException(String message) {
		super(message);
	}

}
