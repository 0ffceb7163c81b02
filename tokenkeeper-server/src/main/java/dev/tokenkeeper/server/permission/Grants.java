package dev.tokenkeeper.server.permission;

/**
 * A user's grants on one resource, as levels (0 none, 1 read, 2 write, 3 admin): the strongest
 * of the user's own and their groups' grants on the project, and on the repository.
 */
record Grants(int project, int repository) {

	static final Grants NONE = new Grants(0, 0);

}
