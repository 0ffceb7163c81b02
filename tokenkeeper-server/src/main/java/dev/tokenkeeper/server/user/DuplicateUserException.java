package dev.tokenkeeper.server.user;

import dev.tokenkeeper.server.support.IntegrityException;

public class DuplicateUserException extends IntegrityException {

	public DuplicateUserException(String name) {
		super("name", "A user with the name " + name + " (or the same slug) already exists.");
	}

}
