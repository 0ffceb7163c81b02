package dev.tokenkeeper.server.user;

/** Bitbucket's user types: people are NORMAL; the users that act for project and repository tokens are SERVICE. */
public enum UserType {

	NORMAL, SERVICE

}
