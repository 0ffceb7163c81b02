package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.project.Project;

/** A project's tokens, managed by the project's admins (by password; a token may only read). */
public record ProjectOwnerScope(Project project, PermissionService permissions) implements OwnerScope {

	@Override
	public TokenOwner owner() {
		return new TokenOwner(TokenOwner.Type.PROJECT, this.project.id());
	}

	@Override
	public String label() {
		return this.project.resource().label();
	}

	@Override
	public boolean canRead(Caller caller) {
		return this.permissions.has(caller, this.project.resource(), ResourcePermission.PROJECT_ADMIN);
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
