package dev.tokenkeeper.cli;

import java.util.Locale;
import java.util.Map;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.AccessTokens;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "delete", mixinStandardHelpOptions = true,
		description = { "Delete a token: it stops working at once.",
				"Asks first on a terminal; without one (scripts, cron), --yes is required." },
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens delete 075905477751", "  tk tokens delete 075905477751 --yes" })
final class DeleteCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Parameters(paramLabel = "ID", description = "The token's id.")
	String id;

	@Option(names = { "-y", "--yes" }, description = "Do not ask.")
	boolean yes;

	@Override
	public Integer call() {
		AccessTokens tokens = client().tokens(this.owner.resolve(connection()));
		AccessToken token = tokens.get(this.id);
		if (!this.yes) {
			String answer = env().terminal().readLine("Delete token " + view().summary(token) + "? [y/N] ");
			if (answer == null) {
				throw CliException.usage("no terminal to confirm on: add --yes to delete token " + this.id);
			}
			if (!answer.strip().toLowerCase(Locale.ROOT).startsWith("y")) {
				out().println("Nothing deleted.");
				return ExitCodes.OK;
			}
		}
		tokens.delete(this.id);
		if (this.output.json()) {
			printJson(Map.of("id", this.id, "deleted", true));
		}
		else {
			out().println("Deleted token " + this.id + " \"" + token.name() + "\".");
		}
		return ExitCodes.OK;
	}

}
