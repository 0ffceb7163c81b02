package dev.tokenkeeper.cli;

import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.tokenkeeper.client.Credentials;
import dev.tokenkeeper.client.Secret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tk without a server: help, completion, usage errors, parsing, dates, secret files. */
class TkCommandLineTests {

	@TempDir
	Path dir;

	@Test
	void helpWhenAnyCommandThenCompleteWithExamplesAndExitZero() {
		List<List<String>> commands = new ArrayList<>();
		collect(Tk.commandLine(environment()), new ArrayList<>(), commands);
		assertThat(commands).extracting(command -> String.join(" ", command))
			.contains("", "tokens", "tokens list", "tokens get", "tokens create", "tokens update", "tokens delete",
					"tokens renew", "tokens rotate", "self", "self rotate", "server");

		for (List<String> command : commands) {
			if (command.contains("generate-completion")) {
				continue;
			}
			List<String> args = new ArrayList<>(command);
			args.add("--help");
			TkRunner.Result result = new TkRunner(this.dir).run(args.toArray(String[]::new));
			assertThat(result.exitCode()).as(String.join(" ", args)).isZero();
			assertThat(result.out()).as(String.join(" ", args)).contains("Usage: tk", "Examples:")
				.containsPattern("(?m)^  .*tk ");
			result.out().lines().forEach(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(80));
		}
		assertThat(new TkRunner(this.dir).run("tokens", "renew", "--help").out()).contains("--server", "--user",
				"--password", "--token", "--insecure", "--format", "--all-expiring-within", "--dry-run", "--output-file");
	}

	@Test
	void generateCompletionWhenRunThenBashScriptForEveryCommand() {
		TkRunner.Result result = new TkRunner(this.dir).run("generate-completion");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("complete -F", "tokens", "renew", "--all-expiring-within");
	}

	@Test
	void versionWhenAskedThenNamesTk() {
		assertThat(new TkRunner(this.dir).run("--version").out()).startsWith("tk ");
	}

	@Test
	void runWhenCommandLineIsWrongThenExitTwo() {
		TkRunner runner = new TkRunner(this.dir).env("TK_SERVER", "http://127.0.0.1:1").env("TK_TOKEN", "x");

		assertThat(runner.run("tokens").exitCode()).isEqualTo(2);
		assertThat(runner.run("tokens", "frob").exitCode()).isEqualTo(2);
		assertThat(runner.run("tokens", "list", "--format", "xml").exitCode()).isEqualTo(2);
		assertThat(runner.run("tokens", "list", "--repo", "web").err()).contains("--repo needs --project");
		assertThat(runner.run("tokens", "create", "--name", "x", "--repo-permission", "all", "--project-permission",
				"read").exitCode()).isEqualTo(2);
		assertThat(runner.run("tokens", "renew", "1", "--name", "x").exitCode()).isEqualTo(2);
		assertThat(runner.run("tokens", "renew", "--all-expiring-within", "14d", "--output-file", "f").exitCode())
			.isEqualTo(2);
		assertThat(new TkRunner(this.dir).run("tokens", "list").err()).contains("no server");
		assertThat(new TkRunner(this.dir).env("TK_SERVER", "ftp://x").env("TK_TOKEN", "t").run("tokens", "list").exitCode())
			.isEqualTo(2);
		assertThat(new TkRunner(this.dir).env("TK_SERVER", "http://127.0.0.1:1").env("TK_USER", "john")
			.run("tokens", "list").err()).contains("no password for john");
	}

	@Test
	void runWhenServerIsUnreachableThenExitOneWithoutSecrets() {
		TkRunner.Result result = new TkRunner(this.dir).env("TK_SERVER", "http://127.0.0.1:1")
			.env("TK_USER", "john")
			.env("TK_PASSWORD", "Secret-pw-42")
			.run("tokens", "list");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("Could not reach http://127.0.0.1:1").doesNotContain("Secret-pw-42");
	}

	@Test
	void resolveWhenFlagsEnvironmentAndProfilesThenFlagsWinThenNamedProfileThenEnvironmentThenDefault()
			throws Exception {
		Path config = this.dir.resolve("config.properties");
		Files.writeString(config, """
				default.server=https://default.example.com
				default.user=dora
				default.password=dora-pw
				ci.server=https://ci.example.com
				ci.token=BBDC-ci
				ci.insecure=true
				""");
		Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));

		assertThat(resolve(List.of()).client().baseUrl()).isEqualTo("https://default.example.com");
		assertThat(resolve(List.of()).client().credentials().kind()).isEqualTo(Credentials.Kind.PASSWORD);
		assertThat(resolve(List.of("TK_SERVER=https://env.example.com")).client().baseUrl())
			.isEqualTo("https://env.example.com");
		ConnectionOptions.Connection ci = resolve(List.of("TK_SERVER=https://env.example.com", "TK_PROFILE=ci"));
		assertThat(ci.client().baseUrl()).isEqualTo("https://ci.example.com");
		assertThat(ci.client().credentials().kind()).isEqualTo(Credentials.Kind.BEARER);
		assertThat(ci.username()).as("a named profile replaces the default one").isNull();
		ConnectionOptions flags = new ConnectionOptions();
		flags.server = "https://flag.example.com";
		assertThat(flags.resolve(environment(List.of()), new PrintWriter(new StringWriter()),
				ConnectionOptions.Prefer.PASSWORD).client().baseUrl()).isEqualTo("https://flag.example.com");
		assertThat(new TkRunner(this.dir).env("TK_CONFIG", config.toString()).env("TK_PROFILE", "nope")
			.run("tokens", "list").err()).contains("no profile 'nope'");
	}

	@Test
	void loadWhenProfileFileHoldsSecretsAndOthersMayReadItThenWarns() throws Exception {
		Path config = this.dir.resolve("config.properties");
		Files.writeString(config, "default.server=https://x.example.com\ndefault.token=BBDC-t\n");
		Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));
		StringWriter err = new StringWriter();

		Profiles.load(config, new PrintWriter(err, true));

		assertThat(err.toString()).contains("chmod 600").doesNotContain("BBDC-t");
	}

	@Test
	void writeWhenSecretFileExistsWithLooserModeThenReplacedByOwnerOnlyFile() throws Exception {
		Path file = this.dir.resolve("token");
		Files.writeString(file, "old");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

		SecretFile.write(file, Secret.of("BBDC-new"));

		assertThat(Files.readString(file)).isEqualTo("BBDC-new\n");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(Files.list(this.dir)).containsExactly(file);
		assertThatThrownBy(() -> SecretFile.checkWritable(this.dir.resolve("missing/token")))
			.isInstanceOf(CliException.class);
	}

	@Test
	void parseWhenDurationsAndPermissionsThenShortFormsAndFullNames() {
		assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(Durations.parse("12h")).isEqualTo(Duration.ofHours(12));
		assertThat(Durations.parse("14d")).isEqualTo(Duration.ofDays(14));
		assertThat(Durations.parse("2w")).isEqualTo(Duration.ofDays(14));
		assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
		assertThatThrownBy(() -> Durations.parse("soon")).isInstanceOf(TypeConversionException.class);
		assertThat(Permissions.project("read")).isEqualTo("PROJECT_READ");
		assertThat(Permissions.repository("REPO_ADMIN")).isEqualTo("REPO_ADMIN");
		assertThatThrownBy(() -> Permissions.repository("PROJECT_READ")).isInstanceOf(TypeConversionException.class);
	}

	@Test
	void formatWhenExpiryOrLastUseThenRelativeWords() {
		Instant now = Instant.parse("2026-11-28T12:00:00Z");
		TimeFormat time = new TimeFormat(now, ZoneOffset.UTC);

		assertThat(time.expiry(now.plus(Duration.ofDays(5)))).isEqualTo("in 5 days");
		assertThat(time.expiry(now.plus(Duration.ofDays(5)).minusSeconds(30))).isEqualTo("in 5 days");
		assertThat(time.expiry(now.minus(Duration.ofDays(3)))).isEqualTo("expired 3 days ago");
		assertThat(time.expiry(now.plus(Duration.ofHours(1)))).isEqualTo("in 1 hour");
		assertThat(time.expiry(null)).isEqualTo("never");
		assertThat(time.lastUsed(null)).isEqualTo("never");
		assertThat(time.lastUsed(now.minusSeconds(10))).isEqualTo("just now");
		assertThat(time.lastUsed(now.minus(Duration.ofMinutes(3)))).isEqualTo("3 minutes ago");
		assertThat(time.expiryWithDate(now.plus(Duration.ofDays(1)))).isEqualTo("2026-11-29 (in 1 day)");
	}

	private ConnectionOptions.Connection resolve(List<String> variables) {
		return new ConnectionOptions().resolve(environment(variables), new PrintWriter(new StringWriter()),
				ConnectionOptions.Prefer.PASSWORD);
	}

	private TkEnvironment environment() {
		return environment(List.of());
	}

	private TkEnvironment environment(List<String> variables) {
		java.util.Map<String, String> env = new java.util.HashMap<>();
		env.put("TK_CONFIG", this.dir.resolve("config.properties").toString());
		for (String variable : variables) {
			env.put(variable.substring(0, variable.indexOf('=')), variable.substring(variable.indexOf('=') + 1));
		}
		return new TkEnvironment(env, this.dir, java.time.Clock.systemUTC(), ZoneOffset.UTC,
				TkEnvironment.Terminal.none());
	}

	private static void collect(CommandLine commandLine, List<String> path, List<List<String>> into) {
		into.add(List.copyOf(path));
		commandLine.getSubcommands().forEach((name, sub) -> {
			List<String> next = new ArrayList<>(path);
			next.add(name);
			collect(sub, next, into);
		});
	}

}
