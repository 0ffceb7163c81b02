package dev.tokenkeeper.cli;

import picocli.CommandLine.Option;

/** {@code --format table|json}: a readable table for people, the server's JSON shapes for scripts. */
final class OutputOptions {

	enum Format {

		table, json

	}

	@Option(names = { "-o", "--format" }, paramLabel = "FORMAT", defaultValue = "table",
			description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). JSON keeps the server's field names; dates are epoch milliseconds.")
	Format format = Format.table;

	boolean json() {
		return this.format == Format.json;
	}

}
