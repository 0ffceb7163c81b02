package dev.tokenkeeper.server.permission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.tokenkeeper.server.permission.ResourcePermission.Scope;
import dev.tokenkeeper.server.support.ArgumentValidationException;

/**
 * A token's permissions: one repository and one project permission, the repository one at
 * least as strong as the project one (six valid pairs).
 */
public record TokenPermissions(ResourcePermission repository, ResourcePermission project) {

	private static final String FIELD = "permissions";

	public TokenPermissions {
		if (repository.scope() != Scope.REPOSITORY || project.scope() != Scope.PROJECT) {
			throw new IllegalArgumentException("Expected a repository and a project permission");
		}
		if (repository.level() < project.level()) {
			throw new ArgumentValidationException(FIELD, "The repository permission " + repository
					+ " must be at least as strong as the project permission " + project + ".");
		}
	}

	/**
	 * Parses the request's permission names. One permission of each scope may be given; a
	 * missing project permission means PROJECT_READ, a missing repository permission the
	 * repository level that the project permission implies.
	 */
	public static TokenPermissions parse(List<String> names) {
		if (names == null || names.isEmpty()) {
			throw new ArgumentValidationException(FIELD, "At least one permission is required.");
		}
		Set<ResourcePermission> permissions = EnumSet.noneOf(ResourcePermission.class);
		for (String name : names) {
			permissions.add(parseOne(name));
		}
		ResourcePermission project = single(permissions, Scope.PROJECT);
		ResourcePermission repository = single(permissions, Scope.REPOSITORY);
		if (project == null) {
			project = ResourcePermission.PROJECT_READ;
		}
		if (repository == null) {
			repository = project.asRepositoryPermission();
		}
		return new TokenPermissions(repository, project);
	}

	private static ResourcePermission parseOne(String name) {
		if (name == null) {
			throw new ArgumentValidationException(FIELD, "Permissions must not be null.");
		}
		for (GlobalPermission global : GlobalPermission.values()) {
			if (global.name().equals(name)) {
				throw new ArgumentValidationException(FIELD,
						"Access tokens may not have the global permission " + name + ".");
			}
		}
		try {
			return ResourcePermission.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new ArgumentValidationException(FIELD, "Unknown permission: " + abbreviate(name) + ".");
		}
	}

	private static ResourcePermission single(Set<ResourcePermission> permissions, Scope scope) {
		List<ResourcePermission> inScope = permissions.stream().filter(p -> p.scope() == scope).toList();
		if (inScope.size() > 1) {
			throw new ArgumentValidationException(FIELD, "Only one " + scope.name().toLowerCase()
					+ " permission may be given, not " + inScope + ".");
		}
		return inScope.isEmpty() ? null : inScope.get(0);
	}

	private static String abbreviate(String value) {
		return value.length() <= 40 ? value : value.substring(0, 40) + "...";
	}

	/** As Bitbucket lists them: the repository permission first, then the project permission. */
	public List<String> names() {
		return List.of(this.repository.name(), this.project.name());
	}

}
