package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.project.Repo;

/** A repository's tokens, managed by the repository's admins (by password; a token may only read). */
public record RepositoryOwnerScope(Repo repo, PermissionService permissions) implements OwnerScope {

	@Override
	public TokenOwner owner() {
		return new TokenOwner(TokenOwner.Type.REPOSITORY, this.repo.id());
	}

	@Override
	public String label() {
		return this.repo.resource().label();
	}

	@Override
	public boolean canRead(Caller caller) {
		return this.permissions.has(caller, this.repo.resource(), ResourcePermission.REPO_ADMIN);
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
