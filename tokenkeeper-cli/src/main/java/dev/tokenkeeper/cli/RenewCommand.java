package dev.tokenkeeper.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.AccessTokens;
import dev.tokenkeeper.client.IssuedToken;
import dev.tokenkeeper.client.RenewalOutcome;
import dev.tokenkeeper.client.TokenOwner;
import dev.tokenkeeper.client.TokenRenewal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "renew", mixinStandardHelpOptions = true,
		description = { "Give tokens a new lifetime.", "",
				"On Tokenkeeper the server renews the token in place: same id, same secret, nothing to redistribute.",
				"On a server without native renewal (Bitbucket) the token is replaced safely: a copy with the same "
						+ "name, permissions and lifetime is created, its secret is proved to authenticate, and only "
						+ "then is the old token deleted; the new secret is shown once or written to a file. If any "
						+ "step fails, the old token stays and tk says exactly what exists.", "",
				"Select one token by ID or --name, or every token that expires within a duration (expired ones "
						+ "included); --all-expiring-within prints a line per token and a summary, and exits 1 "
						+ "if any failed." },
		footerHeading = "%nExamples:%n",
		footer = { "  tk tokens renew 075905477751", "  tk tokens renew --name deploy --output-file ~/.deploy-token",
				"  tk tokens renew --all-expiring-within 14d --dry-run",
				"  tk tokens renew --all-expiring-within 14d --expiry-days 90 --output-dir ~/tokens" })
final class RenewCommand extends BaseCommand {

	@Mixin
	OwnerOptions owner;

	@Parameters(paramLabel = "ID", arity = "0..1", description = "The token's id.")
	String id;

	@Option(names = "--name", paramLabel = "NAME", description = "The token with this name (it must be the only one).")
	String name;

	@Option(names = "--all-expiring-within", paramLabel = "DURATION", converter = Durations.class,
			description = "Every token that expires within DURATION (e.g. 14d), or has expired.")
	Duration within;

	@Option(names = "--expiry-days", paramLabel = "DAYS",
			description = "The new lifetime in days (default: the token's own).")
	Integer expiryDays;

	@Option(names = "--dry-run", description = "Show what would be done; change nothing.")
	boolean dryRun;

	@Option(names = "--output-file", paramLabel = "FILE",
			description = "One token: write a replacement's new secret to FILE (mode 600) instead of showing it.")
	Path outputFile;

	@Option(names = "--output-dir", paramLabel = "DIR",
			description = "With --all-expiring-within: write each new secret to DIR/<token name>.token (mode 600).")
	Path outputDir;

	@Override
	public Integer call() {
		int selections = (this.id != null ? 1 : 0) + (this.name != null ? 1 : 0) + (this.within != null ? 1 : 0);
		if (selections != 1) {
			throw CliException.usage("say which tokens: an ID, --name NAME, or --all-expiring-within DURATION");
		}
		if (this.outputFile != null && this.within != null) {
			throw CliException.usage("--output-file is for one token; with --all-expiring-within use --output-dir");
		}
		if (this.outputDir != null && this.within == null) {
			throw CliException.usage("--output-dir is for --all-expiring-within; for one token use --output-file");
		}
		if (this.outputFile != null) {
			SecretFile.checkWritable(this.outputFile);
		}
		if (this.outputDir != null && !Files.isDirectory(this.outputDir)) {
			throw CliException.usage("--output-dir " + this.outputDir + " is not a directory");
		}
		TokenOwner tokenOwner = this.owner.resolve(connection());
		AccessTokens tokens = client().tokens(tokenOwner);
		List<AccessToken> selected = select(tokens);
		TokenRenewal renewal = new TokenRenewal(client(), client().capabilities());
		RenewalReport report = new RenewalReport(out(), err(), view(), this.output.json(), this.dryRun);
		if (selected.isEmpty() && !this.output.json()) {
			out().println("No tokens expire within " + TimeFormat.span(this.within) + ".");
		}
		Set<Path> written = new HashSet<>();
		RenewalOutcome last = null;
		for (AccessToken token : selected) {
			if (this.dryRun) {
				report.planned(token, renewal.nativeRenewal());
				continue;
			}
			last = renewal.renew(tokenOwner, token, this.expiryDays);
			report.record(last, handOverNewSecret(last, written));
		}
		report.finish(this.within != null);
		if (report.failed() == 0) {
			return ExitCodes.OK;
		}
		return (this.within == null && last instanceof RenewalOutcome.Failed failure)
				? ExitCodes.of(failure.cause()) : ExitCodes.SERVER;
	}

	private List<AccessToken> select(AccessTokens tokens) {
		if (this.id != null) {
			return List.of(tokens.get(this.id));
		}
		if (this.name != null) {
			List<AccessToken> named = tokens.list().filter(token -> token.name().equals(this.name)).toList();
			if (named.isEmpty()) {
				throw new CliException(ExitCodes.NOT_FOUND, "no token of " + tokens.owner().describe() + " is named '"
						+ this.name + "'");
			}
			if (named.size() > 1) {
				throw CliException.usage("several tokens are named '" + this.name + "' ("
						+ String.join(", ", named.stream().map(AccessToken::id).toList()) + "): give the ID");
			}
			return named;
		}
		Instant now = env().clock().instant();
		return tokens.list().filter(token -> token.expiresWithin(now, this.within)).toList();
	}

	/** @return where the new secret went, or {@code null} when it must be shown */
	private Path handOverNewSecret(RenewalOutcome outcome, Set<Path> written) {
		IssuedToken issued = (outcome instanceof RenewalOutcome.Replaced replaced) ? replaced.replacement()
				: (outcome instanceof RenewalOutcome.Failed failed) ? failed.replacement() : null;
		if (issued == null) {
			return null;
		}
		Path file = this.outputFile;
		if (this.outputDir != null) {
			String base = issued.token().name().replaceAll("[^A-Za-z0-9._-]", "_");
			file = this.outputDir.resolve(base + ".token");
			if (!written.add(file)) {
				file = this.outputDir.resolve(base + "-" + issued.token().id() + ".token");
			}
		}
		return handOver(issued, file) ? file : null;
	}

}
