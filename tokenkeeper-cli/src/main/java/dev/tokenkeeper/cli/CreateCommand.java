package dev.tokenkeeper.cli;

import java.nio.file.Path;
import java.util.List;

import dev.tokenkeeper.client.CreateTokenRequest;
import dev.tokenkeeper.client.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create", mixinStandardHelpOptions = true,
		description = { "Create a token. Its secret is shown this once, or written to --output-file (readable by "
				+ "you alone) and not shown.", "Needs a password: tokens cannot create tokens." },
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens create --name ci --repo-permission write \\",
				"      --project-permission read --expiry-days 90",
				"  tk tokens create --name deploy --repo-permission admin \\",
				"      --project-permission read --expiry-days 30 --output-file ~/.deploy-token" })
final class CreateCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Option(names = "--name", required = true, paramLabel = "NAME", description = "The token's name.")
	String name;

	@Option(names = "--repo-permission", required = true, paramLabel = "PERMISSION", converter = Permissions.Repository.class,
			description = "read, write or admin (REPO_*); at least the project permission.")
	String repoPermission;

	@Option(names = "--project-permission", required = true, paramLabel = "PERMISSION",
			converter = Permissions.Project.class, description = "read, write or admin (PROJECT_*).")
	String projectPermission;

	@Option(names = "--expiry-days", paramLabel = "DAYS", description = "Lifetime in days; without it the token never expires (if the server allows).")
	Integer expiryDays;

	@Option(names = "--output-file", paramLabel = "FILE", description = "Write the secret to FILE (mode 600) instead of showing it.")
	Path outputFile;

	@Override
	public Integer call() {
		if (this.outputFile != null) {
			SecretFile.checkWritable(this.outputFile);
		}
		IssuedToken issued = client().tokens(this.owner.resolve(connection()))
			.create(new CreateTokenRequest(this.name, List.of(this.repoPermission, this.projectPermission),
					this.expiryDays));
		new IssuedTokenPrinter(this).print("Created", issued, this.outputFile);
		return ExitCodes.OK;
	}

}
