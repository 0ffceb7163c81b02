package dev.tokenkeeper.cli;

import java.nio.file.Path;
import java.time.Duration;

import dev.tokenkeeper.client.IssuedToken;
import dev.tokenkeeper.client.TokenOwner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rotate", mixinStandardHelpOptions = true,
		description = { "Give a token a new secret, keeping its id, name and permissions (a Tokenkeeper extension).",
				"With --grace the old secret keeps working that long, so its users can switch over." },
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens rotate 075905477751", "  tk tokens rotate 075905477751 --grace 10m --output-file ~/.ci-token" })
final class RotateCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Parameters(paramLabel = "ID", description = "The token's id.")
	String id;

	@Option(names = "--grace", paramLabel = "DURATION", converter = Durations.class,
			description = "How long the old secret keeps working, in whole minutes (e.g. 10m, 2h); default: not at all.")
	Duration grace;

	@Option(names = "--expiry-days", paramLabel = "DAYS", description = "The new lifetime in days (default: the token's own).")
	Integer expiryDays;

	@Option(names = "--output-file", paramLabel = "FILE", description = "Write the new secret to FILE (mode 600) instead of showing it.")
	Path outputFile;

	@Override
	public Integer call() {
		Integer graceMinutes = graceMinutes(this.grace);
		if (this.outputFile != null) {
			SecretFile.checkWritable(this.outputFile);
		}
		TokenOwner tokenOwner = this.owner.resolve(connection());
		IssuedToken rotated = Extensions.require(client(), "rotate",
				() -> client().tokens(tokenOwner).rotate(this.id, this.expiryDays, graceMinutes));
		new IssuedTokenPrinter(this).print("Rotated", rotated, this.outputFile);
		return ExitCodes.OK;
	}

	static Integer graceMinutes(Duration grace) {
		if (grace == null) {
			return null;
		}
		if (grace.toSecondsPart() != 0 || grace.toMillisPart() != 0 || grace.toMinutes() > Integer.MAX_VALUE) {
			throw CliException.usage("--grace must be whole minutes, e.g. 10m or 2h");
		}
		return (int) grace.toMinutes();
	}

}
