package dev.tokenkeeper.server.project;

import dev.tokenkeeper.server.support.NoSuchEntityException;

public class NoSuchProjectException extends NoSuchEntityException {

	public NoSuchProjectException(String key) {
		super("Project " + abbreviate(key) + " does not exist.");
	}

	static String abbreviate(String value) {
		return value.length() <= 64 ? value : value.substring(0, 64) + "...";
	}

}
