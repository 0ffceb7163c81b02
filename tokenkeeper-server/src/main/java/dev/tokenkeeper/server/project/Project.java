package dev.tokenkeeper.server.project;

import dev.tokenkeeper.server.permission.Resource;

/** A project: a named, keyed container of repositories. */
public record Project(long id, String key, String name, String description, boolean isPublic) {

	public Resource resource() {
		return Resource.project(this.id, this.isPublic, this.key);
	}

}
