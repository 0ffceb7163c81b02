package dev.tokenkeeper.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.tokenkeeper.client.IssuedToken;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rotate", mixinStandardHelpOptions = true,
		description = { "The token tk is called with gives itself a new secret (a Tokenkeeper extension, if the "
				+ "server's policy allows self-rotation).",
				"A CI job can keep its own token fresh without ever holding a password." },
		footerHeading = "%nExamples:%n",
		footer = { "  TK_TOKEN=$(cat ~/.ci-token) tk self rotate --grace 10m --output-file ~/.ci-token" })
final class SelfRotateCommand extends BaseCommand {

	@Option(names = "--grace", paramLabel = "DURATION", converter = Durations.class,
			description = "How long the old secret keeps working, in whole minutes (e.g. 10m); default: not at all.")
	Duration grace;

	@Option(names = "--expiry-days", paramLabel = "DAYS", description = "The new lifetime in days, at most the token's own.")
	Integer expiryDays;

	@Option(names = "--output-file", paramLabel = "FILE", description = "Write the new secret to FILE (mode 600) instead of showing it.")
	Path outputFile;

	@Override
	ConnectionOptions.Prefer credentialsPreference() {
		return ConnectionOptions.Prefer.TOKEN;
	}

	@Override
	public Integer call() {
		Integer graceMinutes = RotateCommand.graceMinutes(this.grace);
		if (this.outputFile != null) {
			SecretFile.checkWritable(this.outputFile);
		}
		SelfCommand.requireToken(this);
		IssuedToken rotated = Extensions.require(client(), "self rotate",
				() -> client().rotateSelf(this.expiryDays, graceMinutes));
		new IssuedTokenPrinter(this).print("Rotated", rotated, this.outputFile);
		return ExitCodes.OK;
	}

}
