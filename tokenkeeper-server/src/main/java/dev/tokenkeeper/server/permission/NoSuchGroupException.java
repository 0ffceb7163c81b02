package dev.tokenkeeper.server.permission;

import dev.tokenkeeper.server.support.NoSuchEntityException;

public class NoSuchGroupException extends NoSuchEntityException {

	public NoSuchGroupException(String name) {
		super("Group " + name + " does not exist.");
	}

}
