package dev.tokenkeeper.cli;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tk}: manage and renew access tokens on Tokenkeeper and on Bitbucket Server / Data Center. */
@Command(name = "tk", mixinStandardHelpOptions = true, versionProvider = Tk.Version.class,
		description = { "Manage and renew personal access tokens on Tokenkeeper and on Bitbucket Server / Data Center.",
				"",
				"Connection options come from flags, then the profile named by --profile or TK_PROFILE, then the "
						+ "environment (TK_SERVER, TK_USER, TK_PASSWORD, TK_TOKEN, TK_INSECURE), then the 'default' "
						+ "profile of ~/.config/tokenkeeper/config.properties. A password given nowhere is asked for." },
		subcommands = { TokensCommand.class, SelfCommand.class, ServerCommand.class,
				AutoComplete.GenerateCompletion.class },
		footerHeading = "%nExamples:%n",
		footer = { "  export TK_SERVER=https://bitbucket.example.com TK_USER=john.doe",
				"  tk tokens list --expiring-within 14d",
				"  tk tokens create --name ci --repo-permission write \\",
				"      --project-permission read --expiry-days 90 --output-file ~/.ci-token",
				"  tk tokens renew --all-expiring-within 14d --output-dir ~/tokens",
				"  source <(tk generate-completion)",
				"",
				"Exit codes: 0 ok, 1 server or unexpected error, 2 usage, 3 authentication or permission, 4 not found." })
public final class Tk {

	private final TkEnvironment environment;

	Tk(TkEnvironment environment) {
		this.environment = environment;
	}

	TkEnvironment environment() {
		return this.environment;
	}

	public static void main(String[] args) {
		System.exit(commandLine(TkEnvironment.system()).execute(args));
	}

	static CommandLine commandLine(TkEnvironment environment) {
		CommandLine commandLine = new CommandLine(new Tk(environment));
		commandLine.setExecutionExceptionHandler(new ExitCodes());
		commandLine.setCaseInsensitiveEnumValuesAllowed(true);
		commandLine.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
		return commandLine;
	}

	/** The version from the jar's manifest (set by the build), else "development". */
	static final class Version implements CommandLine.IVersionProvider {

		@Override
		public String[] getVersion() {
			String version = Tk.class.getPackage().getImplementationVersion();
			return new String[] { "tk " + (version == null ? "development" : version) };
		}

	}

}
