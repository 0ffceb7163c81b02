package dev.tokenkeeper.server.permission;

import dev.tokenkeeper.server.user.User;

/**
 * Who may do what, in one place. A token never carries a global permission, so a caller who
 * used a token is never an administrator, whatever its owner is.
 */
public final class AccessRules {

	private AccessRules() {
	}

	public static boolean isAdmin(Caller caller) {
		return !caller.usedToken() && hasGlobal(caller.user(), GlobalPermission.ADMIN);
	}

	public static boolean isSysAdmin(Caller caller) {
		return !caller.usedToken() && hasGlobal(caller.user(), GlobalPermission.SYS_ADMIN);
	}

	/** Administrators manage users; only system administrators manage system administrators. */
	public static boolean canManageUser(Caller caller, User target) {
		return isAdmin(caller) && (isSysAdmin(caller) || !hasGlobal(target, GlobalPermission.SYS_ADMIN));
	}

	/** Administrators grant global permissions; only system administrators grant SYS_ADMIN. */
	public static boolean canGrant(Caller caller, GlobalPermission permission) {
		return isAdmin(caller) && (isSysAdmin(caller) || permission != GlobalPermission.SYS_ADMIN);
	}

	/** The owner (by password or token) and administrators may read a user's tokens. */
	public static boolean canReadUserTokens(Caller caller, User owner) {
		return caller.is(owner) || isAdmin(caller);
	}

	/** Only the owner, by password, creates tokens: not an administrator, never a token. */
	public static boolean canCreateUserToken(Caller caller, User owner) {
		return !caller.usedToken() && caller.is(owner);
	}

	/**
	 * The owner, or an administrator who may manage the owner, updates and deletes tokens, by
	 * password; never a token. (Only a system administrator changes a system administrator's.)
	 */
	public static boolean canModifyUserTokens(Caller caller, User owner) {
		return !caller.usedToken() && (caller.is(owner) || canManageUser(caller, owner));
	}

	private static boolean hasGlobal(User user, GlobalPermission permission) {
		return user.permission() != null && user.permission().implies(permission);
	}

}
