package dev.tokenkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.tokenkeeper.client.IssuedToken;
import dev.tokenkeeper.client.TokenkeeperClient;
import dev.tokenkeeper.client.WireJson;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every command that talks to a server shares: the connection and output options, the
 * environment, and printing through picocli's writers (so tests capture everything).
 */
abstract class BaseCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectionOptions connection;

	@Mixin
	OutputOptions output;

	private ConnectionOptions.Connection connected;

	PrintWriter out() {
		return this.spec.commandLine().getOut();
	}

	PrintWriter err() {
		return this.spec.commandLine().getErr();
	}

	TkEnvironment env() {
		return ((Tk) this.spec.root().userObject()).environment();
	}

	ConnectionOptions.Prefer credentialsPreference() {
		return ConnectionOptions.Prefer.PASSWORD;
	}

	ConnectionOptions.Connection connection() {
		if (this.connected == null) {
			this.connected = this.connection.resolve(env(), err(), credentialsPreference());
		}
		return this.connected;
	}

	TokenkeeperClient client() {
		return connection().client();
	}

	TimeFormat time() {
		return new TimeFormat(env().clock().instant(), env().zone());
	}

	TokenView view() {
		return new TokenView(time());
	}

	void printJson(Object value) {
		out().println(WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(value));
	}

	/**
	 * Hands a new secret to the user exactly once: into the file (owner-only) if one was named,
	 * otherwise on standard output. If the file cannot be written, the secret is printed instead:
	 * the token exists now, and a secret nobody has is a token nobody can use.
	 * @return whether it went to the file
	 */
	boolean handOver(IssuedToken issued, Path file) {
		if (file != null) {
			try {
				SecretFile.write(file, issued.secret());
				return true;
			}
			catch (CliException ex) {
				err().println("tk: " + ex.getMessage() + "; the secret is printed below instead");
			}
		}
		return false;
	}

}
