package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.Resource;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.project.Project;
import dev.tokenkeeper.server.project.Repo;

/**
 * A project's or repository's tokens, managed by its admins (PROJECT_ADMIN, resp. REPO_ADMIN),
 * by password; a token with that level may read them.
 */
public record ResourceOwnerScope(TokenOwner owner, Resource resource, PermissionService permissions)
		implements OwnerScope {

	public static ResourceOwnerScope of(Project project, PermissionService permissions) {
		return new ResourceOwnerScope(new TokenOwner(TokenOwner.Type.PROJECT, project.id()), project.resource(),
				permissions);
	}

	public static ResourceOwnerScope of(Repo repo, PermissionService permissions) {
		return new ResourceOwnerScope(new TokenOwner(TokenOwner.Type.REPOSITORY, repo.id()), repo.resource(),
				permissions);
	}

	@Override
	public String label() {
		return this.resource.label();
	}

	@Override
	public boolean canRead(Caller caller) {
		return this.permissions.has(caller, this.resource,
				this.resource.isRepository() ? ResourcePermission.REPO_ADMIN : ResourcePermission.PROJECT_ADMIN);
	}

	@Override
	public boolean canCreate(Caller caller) {
		return !caller.usedToken() && canRead(caller);
	}

	@Override
	public boolean canModify(Caller caller) {
		return canCreate(caller);
	}

}
