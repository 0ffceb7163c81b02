package dev.tokenkeeper.server.token;

/** Whom a token belongs to: a user, a project or a repository, by numeric id. */
public record TokenOwner(Type type, long id) {

	public enum Type {

		USER, PROJECT, REPOSITORY

	}

	public static TokenOwner user(long userId) {
		return new TokenOwner(Type.USER, userId);
	}

}
