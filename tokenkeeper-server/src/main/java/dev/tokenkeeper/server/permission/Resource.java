package dev.tokenkeeper.server.permission;

/**
 * What a permission is checked against: a project, or a repository of a project. Public ones are
 * readable by every authenticated user (a public project makes all of its repositories public).
 *
 * @param repositoryId the repository's id, or {@code null} for the project itself
 */
public record Resource(long projectId, boolean projectPublic, Long repositoryId, boolean repositoryPublic) {

	public static Resource project(long projectId, boolean projectPublic) {
		return new Resource(projectId, projectPublic, null, false);
	}

	public static Resource repository(long projectId, boolean projectPublic, long repositoryId,
			boolean repositoryPublic) {
		return new Resource(projectId, projectPublic, repositoryId, repositoryPublic);
	}

	public boolean isRepository() {
		return this.repositoryId != null;
	}

	boolean isPublic() {
		return this.projectPublic || (isRepository() && this.repositoryPublic);
	}

}
