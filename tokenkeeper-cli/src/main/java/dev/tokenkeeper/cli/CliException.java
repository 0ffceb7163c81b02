package dev.tokenkeeper.cli;

/** A failure tk explains itself, with the exit code it should end with. */
class CliException extends RuntimeException {

	private final int exitCode;

	CliException(int exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	static CliException usage(String message) {
		return new CliException(ExitCodes.USAGE, message);
	}

	int exitCode() {
		return this.exitCode;
	}

}
