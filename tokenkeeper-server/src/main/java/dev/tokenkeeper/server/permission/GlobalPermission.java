package dev.tokenkeeper.server.permission;

/** Bitbucket's global permissions, weakest first: each implies those before it. */
public enum GlobalPermission {

	LICENSED_USER, PROJECT_CREATE, ADMIN, SYS_ADMIN;

	public boolean implies(GlobalPermission other) {
		return compareTo(other) >= 0;
	}

}
