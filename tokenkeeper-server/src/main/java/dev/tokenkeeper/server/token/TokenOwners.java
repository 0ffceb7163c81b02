package dev.tokenkeeper.server.token;

import java.util.function.Supplier;

import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.user.UsersById;
import org.springframework.stereotype.Component;

/** Turns a stored token owner back into the scope whose rules govern its tokens. */
@Component
public class TokenOwners {

	private final UsersById users;

	private final ProjectService projects;

	private final PermissionService permissions;

	TokenOwners(UsersById users, ProjectService projects, PermissionService permissions) {
		this.users = users;
		this.projects = projects;
		this.permissions = permissions;
	}

	/** The scope of a stored token's owner; owners are deleted with their tokens, so it always exists. */
	public OwnerScope scopeOf(TokenOwner owner) {
		Supplier<IllegalStateException> missing = () -> new IllegalStateException("The owner " + owner
				+ " of a stored token does not exist");
		return switch (owner.type()) {
			case USER -> new UserOwnerScope(this.users.find(owner.id()).orElseThrow(missing));
			case PROJECT -> ResourceOwnerScope.of(this.projects.findById(owner.id()).orElseThrow(missing),
					this.permissions);
			case REPOSITORY -> ResourceOwnerScope.of(this.projects.findRepoById(owner.id()).orElseThrow(missing),
					this.permissions);
		};
	}

}
