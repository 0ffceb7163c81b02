package dev.tokenkeeper.cli;

import dev.tokenkeeper.client.ApiException;
import dev.tokenkeeper.client.TokenOwner;
import picocli.CommandLine.Option;

/**
 * Whose tokens: by default the user who logs in; {@code --owner} for another user's (an
 * administrator's view); {@code --project} and {@code --repo} for project and repository tokens.
 */
final class OwnerOptions {

	@Option(names = "--owner", paramLabel = "USER",
			description = "Another user's tokens (administrators may list, read, change and delete them).")
	String owner;

	@Option(names = "--project", paramLabel = "KEY", description = "The tokens of project KEY.")
	String project;

	@Option(names = "--repo", paramLabel = "SLUG", description = "With --project: the tokens of repository SLUG.")
	String repository;

	TokenOwner resolve(ConnectionOptions.Connection connection) {
		if (this.repository != null && this.project == null) {
			throw CliException.usage("--repo needs --project, the key of the repository's project");
		}
		if (this.owner != null && this.project != null) {
			throw CliException.usage("give either --owner or --project, not both");
		}
		if (this.project != null) {
			return (this.repository == null) ? TokenOwner.project(this.project)
					: TokenOwner.repository(this.project, this.repository);
		}
		if (this.owner != null) {
			return TokenOwner.user(this.owner);
		}
		if (connection.username() != null) {
			return TokenOwner.user(connection.username());
		}
		return TokenOwner.user(bearerOwner(connection));
	}

	/** With a bare Bearer token, Tokenkeeper's /self names the token's user; Bitbucket cannot. */
	private static String bearerOwner(ConnectionOptions.Connection connection) {
		try {
			return connection.client().self().user().slug();
		}
		catch (ApiException ex) {
			if (ex.isNotFound()) {
				throw CliException.usage("with a bare token this server cannot tell whose it is: add --user USER"
						+ " (the token's user) or --owner USER");
			}
			throw ex;
		}
	}

}
