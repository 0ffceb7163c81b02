package dev.tokenkeeper.cli;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "get", mixinStandardHelpOptions = true, description = "Show one token (never its secret).",
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens get 075905477751", "  tk tokens get 075905477751 --format json" })
final class GetCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Parameters(paramLabel = "ID", description = "The token's id (12 digits).")
	String id;

	@Override
	public Integer call() {
		AccessToken token = client().tokens(this.owner.resolve(connection())).get(this.id);
		if (this.output.json()) {
			printJson(WireJson.toJson(token));
		}
		else {
			view().details(out(), token);
		}
		return ExitCodes.OK;
	}

}
