package dev.tokenkeeper.server.permission;

/**
 * What a permission is checked against: a project, or a repository of a project. Public ones are
 * readable by every authenticated user (a public project makes all of its repositories public).
 *
 * @param repositoryId the repository's id, or {@code null} for the project itself
 * @param label how people name it: "project KEY" or "repository KEY/slug"
 */
public record Resource(long projectId, boolean projectPublic, Long repositoryId, boolean repositoryPublic,
		String label) {

	public static Resource project(long projectId, boolean projectPublic, String key) {
		return new Resource(projectId, projectPublic, null, false, "project " + key);
	}

	public static Resource repository(long projectId, boolean projectPublic, long repositoryId,
			boolean repositoryPublic, String path) {
		return new Resource(projectId, projectPublic, repositoryId, repositoryPublic, "repository " + path);
	}

	public boolean isRepository() {
		return this.repositoryId != null;
	}

	boolean isPublic() {
		return this.projectPublic || (isRepository() && this.repositoryPublic);
	}

}
