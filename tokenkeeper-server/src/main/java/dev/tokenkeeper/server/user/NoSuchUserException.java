package dev.tokenkeeper.server.user;

import dev.tokenkeeper.server.support.NoSuchEntityException;

public class NoSuchUserException extends NoSuchEntityException {

	public NoSuchUserException(String nameOrSlug) {
		super("User " + nameOrSlug + " does not exist.");
	}

}
