package dev.tokenkeeper.server.permission;

/**
 * The rules of effective permission, in one place and free of I/O. Levels: 0 none, 1 read,
 * 2 write, 3 admin.
 * <ul>
 * <li>A global ADMIN or SYS_ADMIN holds every permission.</li>
 * <li>A project grant applies to the project and to each of its repositories; a repository grant
 * to that repository only; group grants count like the user's own.</li>
 * <li>A public project or repository is readable by every authenticated user.</li>
 * <li>A personal token does at most what its own permission allows and what its owner can do
 * <em>now</em>; a project or repository token does what its permission allows inside its own
 * project or repository, and nothing elsewhere.</li>
 * </ul>
 */
public final class EffectivePermission {

	private EffectivePermission() {
	}

	/** The caller's level on a project, or on a repository when the resource is one. */
	static int level(Caller caller, Grants grants, Resource resource) {
		int userLevel = userLevel(caller.user().permission(), grants, resource);
		if (!caller.usedToken()) {
			return userLevel;
		}
		TokenReach reach = caller.token().reach();
		int tokenLevel = resource.isRepository() ? reach.permissions().repository().level()
				: reach.permissions().project().level();
		if (reach.repositoryId() != null) {
			return reach.repositoryId().equals(resource.repositoryId()) ? tokenLevel : 0;
		}
		if (reach.projectId() != null) {
			return reach.projectId() == resource.projectId() ? tokenLevel : 0;
		}
		return Math.min(userLevel, tokenLevel);
	}

	private static int userLevel(GlobalPermission global, Grants grants, Resource resource) {
		if (global == null) {
			return 0;
		}
		if (global.implies(GlobalPermission.ADMIN)) {
			return 3;
		}
		int granted = resource.isRepository() ? Math.max(grants.project(), grants.repository()) : grants.project();
		return Math.max(granted, resource.isPublic() ? 1 : 0);
	}

	/** Whether a level satisfies a permission of the resource's kind (or a weaker one). */
	static boolean satisfies(int level, ResourcePermission permission) {
		return level >= permission.level();
	}

}
