package dev.tokenkeeper.server.project;

import dev.tokenkeeper.server.support.NoSuchEntityException;

public class NoSuchRepositoryException extends NoSuchEntityException {

	public NoSuchRepositoryException(String projectKey, String slug) {
		super("Repository " + NoSuchProjectException.abbreviate(projectKey) + "/"
				+ NoSuchProjectException.abbreviate(slug) + " does not exist.");
	}

}
