package dev.tokenkeeper.cli;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.WireJson;
import picocli.CommandLine.Command;

@Command(name = "self", mixinStandardHelpOptions = true,
		description = { "Show the token tk is called with (a Tokenkeeper extension), for a CI job that holds only "
				+ "its token.", "Uses the token even when a password is also at hand." },
		subcommands = SelfRotateCommand.class,
		footerHeading = "%nExamples:%n",
		footer = { "  TK_TOKEN=$(cat ~/.ci-token) tk self", "  TK_TOKEN=$(cat ~/.ci-token) tk self --format json" })
final class SelfCommand extends BaseCommand {

	@Override
	ConnectionOptions.Prefer credentialsPreference() {
		return ConnectionOptions.Prefer.TOKEN;
	}

	@Override
	public Integer call() {
		requireToken(this);
		AccessToken token = Extensions.require(client(), "self", () -> client().self());
		if (this.output.json()) {
			printJson(WireJson.toJson(token));
		}
		else {
			view().details(out(), token);
		}
		return ExitCodes.OK;
	}

	static void requireToken(BaseCommand command) {
		if (!command.client().credentials().isToken()) {
			throw CliException.usage("this describes the token tk is called with: give one with TK_TOKEN or --token");
		}
	}

}
