package dev.tokenkeeper.cli;

import java.util.List;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.AccessTokens;
import dev.tokenkeeper.client.UpdateTokenRequest;
import dev.tokenkeeper.client.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "update", mixinStandardHelpOptions = true,
		description = { "Rename a token or change its permissions; what is not given keeps its value.",
				"The expiry cannot be changed: use renew." },
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens update 075905477751 --name deploy-prod",
				"  tk tokens update 075905477751 --repo-permission read" })
final class UpdateCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Parameters(paramLabel = "ID", description = "The token's id.")
	String id;

	@Option(names = "--name", paramLabel = "NAME", description = "The new name.")
	String name;

	@Option(names = "--repo-permission", paramLabel = "PERMISSION", converter = Permissions.Repository.class,
			description = "read, write or admin (REPO_*).")
	String repoPermission;

	@Option(names = "--project-permission", paramLabel = "PERMISSION", converter = Permissions.Project.class,
			description = "read, write or admin (PROJECT_*).")
	String projectPermission;

	@Override
	public Integer call() {
		if (this.name == null && this.repoPermission == null && this.projectPermission == null) {
			throw CliException.usage("nothing to change: give --name, --repo-permission and/or --project-permission");
		}
		AccessTokens tokens = client().tokens(this.owner.resolve(connection()));
		List<String> permissions = null;
		if (this.repoPermission != null || this.projectPermission != null) {
			// Bitbucket replaces both permissions at once: keep the one not given.
			AccessToken current = tokens.get(this.id);
			permissions = List.of(
					this.repoPermission != null ? this.repoPermission : current.repositoryPermission().orElse("REPO_READ"),
					this.projectPermission != null ? this.projectPermission
							: current.projectPermission().orElse("PROJECT_READ"));
		}
		AccessToken updated = tokens.update(this.id, new UpdateTokenRequest(this.name, permissions));
		if (this.output.json()) {
			printJson(WireJson.toJson(updated));
		}
		else {
			out().println("Updated token " + view().summary(updated) + ".");
		}
		return ExitCodes.OK;
	}

}
