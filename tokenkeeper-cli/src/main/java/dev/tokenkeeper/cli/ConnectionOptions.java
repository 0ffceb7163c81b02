package dev.tokenkeeper.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tokenkeeper.client.Credentials;
import dev.tokenkeeper.client.TokenkeeperClient;
import picocli.CommandLine.Option;

/**
 * Where and as whom: from flags first; then the profile named by {@code --profile} or
 * {@code TK_PROFILE}; then the {@code TK_*} environment variables; then the {@code default}
 * profile. A password that is given nowhere is asked for on the terminal, without echo.
 * Not picocli's {@code ${env:...}} defaults: the environment comes from {@link TkEnvironment}
 * (so tests can set it), and a profile chosen by name must rank above it.
 */
final class ConnectionOptions {

	@Option(names = { "-s", "--server" }, paramLabel = "URL",
			description = "Base URL of Tokenkeeper or Bitbucket, e.g. https://bitbucket.example.com (env: TK_SERVER).")
	String server;

	@Option(names = { "-u", "--user" }, paramLabel = "USER",
			description = "User name to log in as; also whose tokens, unless --owner/--project says otherwise (env: TK_USER).")
	String user;

	@Option(names = { "-p", "--password" }, paramLabel = "PASSWORD", arity = "0..1", interactive = true,
			description = "Password; without a value it is asked for without echo, as it is when no password or token is given (env: TK_PASSWORD).")
	char[] password;

	@Option(names = { "-t", "--token" }, paramLabel = "TOKEN",
			description = "Access token: as Bearer, or with --user as HTTP Basic. Prefer TK_TOKEN, which other users cannot see (env: TK_TOKEN).")
	String token;

	@Option(names = { "-k", "--insecure" }, description = "Accept any TLS certificate, like curl -k (env: TK_INSECURE=true).")
	boolean insecure;

	@Option(names = "--profile", paramLabel = "NAME",
			description = "Profile of the profile file to use (env: TK_PROFILE; default: default).")
	String profile;

	@Option(names = "--config", paramLabel = "FILE",
			description = "Profile file (env: TK_CONFIG; default: ~/.config/tokenkeeper/config.properties).")
	Path config;

	/** What to authenticate with when both a password and a token are at hand. */
	enum Prefer {

		/** Managing tokens needs a password: a token can read tokens but never change them. */
		PASSWORD,

		/** {@code tk self} describes the token it is called with. */
		TOKEN

	}

	Connection resolve(TkEnvironment env, PrintWriter err, Prefer prefer) {
		List<Map<String, String>> sources = sources(env, err);
		String serverUrl = first(this.server, sources, "server");
		if (serverUrl == null) {
			throw CliException.usage("no server: give --server URL, set TK_SERVER, or add server= to a profile");
		}
		String username = first(this.user, sources, "user");
		String tokenValue = first(this.token, sources, "token");
		String passwordValue = (this.password != null && this.password.length > 0) ? new String(this.password)
				: first(null, sources, "password");
		boolean trustAll = this.insecure || "true".equalsIgnoreCase(first(null, sources, "insecure"));

		Credentials credentials;
		if (tokenValue != null && (passwordValue == null || prefer == Prefer.TOKEN)) {
			credentials = (username == null) ? Credentials.bearer(tokenValue) : Credentials.userToken(username, tokenValue);
		}
		else if (username != null) {
			credentials = Credentials.password(username, passwordValue != null ? passwordValue : ask(env, username));
		}
		else {
			throw CliException.usage("no credentials: give --user (with --password, TK_PASSWORD or the prompt) or --token");
		}
		URI uri;
		try {
			uri = URI.create(serverUrl);
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage("the server URL '" + serverUrl + "' is not a URL");
		}
		try {
			TokenkeeperClient client = TokenkeeperClient.builder(uri).credentials(credentials).insecure(trustAll).build();
			return new Connection(client, username);
		}
		catch (IllegalArgumentException ex) {
			throw CliException.usage(ex.getMessage());
		}
	}

	private List<Map<String, String>> sources(TkEnvironment env, PrintWriter err) {
		Profiles profiles = Profiles.load(Profiles.location(env, this.config), err);
		String named = (this.profile != null) ? this.profile : env.variable("TK_PROFILE");
		Map<String, String> variables = new java.util.HashMap<>();
		putIfSet(variables, "server", env.variable("TK_SERVER"));
		putIfSet(variables, "user", env.variable("TK_USER"));
		putIfSet(variables, "password", env.variable("TK_PASSWORD"));
		putIfSet(variables, "token", env.variable("TK_TOKEN"));
		putIfSet(variables, "insecure", env.variable("TK_INSECURE"));
		List<Map<String, String>> sources = new ArrayList<>();
		if (named != null) {
			if (!profiles.has(named)) {
				throw CliException.usage("no profile '" + named + "' in " + profiles.file());
			}
			sources.add(profiles.profile(named));
			sources.add(variables);
		}
		else {
			sources.add(variables);
			sources.add(profiles.profile(Profiles.DEFAULT));
		}
		return sources;
	}

	private static String first(String flag, List<Map<String, String>> sources, String key) {
		if (flag != null && !flag.isBlank()) {
			return flag;
		}
		return sources.stream().map(source -> source.get(key)).filter(v -> v != null).findFirst().orElse(null);
	}

	private static void putIfSet(Map<String, String> values, String key, String value) {
		if (value != null) {
			values.put(key, value);
		}
	}

	private static String ask(TkEnvironment env, String username) {
		char[] typed = env.terminal().readPassword("Password for " + username + ": ");
		if (typed == null) {
			throw CliException.usage("no password for " + username
					+ " and no terminal to ask on: set TK_PASSWORD, use --password, or a token (TK_TOKEN)");
		}
		return new String(typed);
	}

	/** A ready client, and the user name it logs in with (absent for a bare Bearer token). */
	record Connection(TokenkeeperClient client, String username) {
	}

}
