package dev.tokenkeeper.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.client.WireJson;
import picocli.CommandLine;

/**
 * Runs tk in process, as its main method would, with captured standard output and error, an
 * environment of the test's choosing, and a terminal that answers from a script (or is absent).
 */
final class TkRunner {

	private final Map<String, String> variables = new HashMap<>();

	private final Path home;

	private final Deque<String> terminalAnswers = new ArrayDeque<>();

	private boolean terminal;

	TkRunner(Path home) {
		this.home = home;
	}

	TkRunner env(String name, String value) {
		this.variables.put(name, value);
		return this;
	}

	/** A terminal that answers the next prompts with these lines, in order. */
	TkRunner terminal(String... answers) {
		this.terminal = true;
		this.terminalAnswers.addAll(List.of(answers));
		return this;
	}

	Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		TkEnvironment environment = new TkEnvironment(Map.copyOf(this.variables), this.home, Clock.systemUTC(),
				ZoneOffset.UTC, this.terminal ? scripted() : TkEnvironment.Terminal.none());
		CommandLine commandLine = Tk.commandLine(environment);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Result(exitCode, out.toString(), err.toString());
	}

	private TkEnvironment.Terminal scripted() {
		return new TkEnvironment.Terminal() {
			@Override
			public char[] readPassword(String prompt) {
				String answer = TkRunner.this.terminalAnswers.poll();
				return answer == null ? null : answer.toCharArray();
			}

			@Override
			public String readLine(String prompt) {
				return TkRunner.this.terminalAnswers.poll();
			}
		};
	}

	record Result(int exitCode, String out, String err) {

		JsonNode json() {
			return WireJson.mapper().readTree(this.out);
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- out\n" + this.out + "--- err\n" + this.err;
		}

	}

}
