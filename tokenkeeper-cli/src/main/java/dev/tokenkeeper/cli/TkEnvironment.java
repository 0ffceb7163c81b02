package dev.tokenkeeper.cli;

import java.io.Console;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;

/**
 * Everything tk reads from outside its arguments: environment variables, the home directory (for
 * the profile file), the clock and time zone (for "in 5 days"), and the terminal. Tests pass
 * their own; {@link #system()} is the real one.
 */
record TkEnvironment(Map<String, String> variables, Path home, Clock clock, ZoneId zone, Terminal terminal) {

	static TkEnvironment system() {
		return new TkEnvironment(System.getenv(), Path.of(System.getProperty("user.home")), Clock.systemUTC(),
				ZoneId.systemDefault(), Terminal.console());
	}

	String variable(String name) {
		String value = this.variables.get(name);
		return (value == null || value.isEmpty()) ? null : value;
	}

	/** The terminal tk talks to for a password or a confirmation, if there is one. */
	interface Terminal {

		/** @return the password typed without echo, or {@code null} when there is no terminal */
		char[] readPassword(String prompt);

		/** @return the line typed, or {@code null} when there is no terminal */
		String readLine(String prompt);

		static Terminal console() {
			return new Terminal() {
				@Override
				public char[] readPassword(String prompt) {
					Console console = System.console();
					return (console == null) ? null : console.readPassword("%s", prompt);
				}

				@Override
				public String readLine(String prompt) {
					Console console = System.console();
					return (console == null) ? null : console.readLine("%s", prompt);
				}
			};
		}

		static Terminal none() {
			return new Terminal() {
				@Override
				public char[] readPassword(String prompt) {
					return null;
				}

				@Override
				public String readLine(String prompt) {
					return null;
				}
			};
		}

	}

}
