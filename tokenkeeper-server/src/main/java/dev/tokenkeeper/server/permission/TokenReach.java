package dev.tokenkeeper.server.permission;

/**
 * What a token may reach: its permissions, and for a project or repository token the one project
 * or repository it belongs to ({@code null} for a user's personal token, which reaches whatever
 * its owner can).
 */
public record TokenReach(TokenPermissions permissions, Long projectId, Long repositoryId) {

	public static TokenReach personal(TokenPermissions permissions) {
		return new TokenReach(permissions, null, null);
	}

}
