package dev.tokenkeeper.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "tokens", mixinStandardHelpOptions = true,
		description = "List, read, create, change, delete, renew and rotate access tokens.",
		subcommands = { ListCommand.class, GetCommand.class, CreateCommand.class, UpdateCommand.class,
				DeleteCommand.class, RenewCommand.class, RotateCommand.class },
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens list", "  tk tokens get 075905477751", "  tk tokens renew --all-expiring-within 14d" })
final class TokensCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "Missing required subcommand");
	}

}
