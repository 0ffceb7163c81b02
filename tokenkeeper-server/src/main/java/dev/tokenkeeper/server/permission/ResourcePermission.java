package dev.tokenkeeper.server.permission;

/**
 * Bitbucket's project and repository permissions. Within a scope each level implies the lower
 * ones; a project permission implies the repository permission of the same level on every
 * repository of the project.
 */
public enum ResourcePermission {

	PROJECT_READ(Scope.PROJECT, 1), PROJECT_WRITE(Scope.PROJECT, 2), PROJECT_ADMIN(Scope.PROJECT, 3),
	REPO_READ(Scope.REPOSITORY, 1), REPO_WRITE(Scope.REPOSITORY, 2), REPO_ADMIN(Scope.REPOSITORY, 3);

	public enum Scope {

		PROJECT, REPOSITORY

	}

	private final Scope scope;

	private final int level;

	ResourcePermission(Scope scope, int level) {
		this.scope = scope;
		this.level = level;
	}

	public Scope scope() {
		return this.scope;
	}

	/** 1 for read, 2 for write, 3 for admin. */
	public int level() {
		return this.level;
	}

	/** The repository permission of the same level as this project permission. */
	public ResourcePermission asRepositoryPermission() {
		return (this.scope == Scope.REPOSITORY) ? this : values()[ordinal() + 3];
	}

}
