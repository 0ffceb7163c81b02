package dev.tokenkeeper.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens, following every page.",
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens list", "  tk tokens list --expiring-within 14d",
				"  tk tokens list --expired --format json", "  tk tokens list --owner jane.doe",
				"  tk tokens list --project PRJ --repo web" })
final class ListCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Option(names = "--expired", description = "Only tokens that have expired (they stay listed until deleted).")
	boolean expired;

	@Option(names = "--expiring-within", paramLabel = "DURATION", converter = Durations.class,
			description = "Only tokens that expire within DURATION (e.g. 14d, 12h), including those already expired.")
	Duration expiringWithin;

	@Override
	public Integer call() {
		Instant now = env().clock().instant();
		Stream<AccessToken> tokens = client().tokens(this.owner.resolve(connection())).list();
		if (this.expired) {
			tokens = tokens.filter(token -> token.isExpiredAt(now));
		}
		if (this.expiringWithin != null) {
			tokens = tokens.filter(token -> token.expiresWithin(now, this.expiringWithin));
		}
		List<AccessToken> selected = tokens.toList();
		if (this.output.json()) {
			printJson(selected.stream().map(WireJson::toJson).toList());
		}
		else if (selected.isEmpty()) {
			out().println("No tokens.");
		}
		else {
			view().table(out(), selected);
		}
		return ExitCodes.OK;
	}

}
