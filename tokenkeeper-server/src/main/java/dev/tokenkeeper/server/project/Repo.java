package dev.tokenkeeper.server.project;

import dev.tokenkeeper.server.permission.Resource;

/** A repository of a project. */
public record Repo(long id, Project project, String slug, String name, boolean isPublic) {

	public Resource resource() {
		return Resource.repository(this.project.id(), this.project.isPublic(), this.id, this.isPublic,
				this.project.key() + "/" + this.slug);
	}

}
