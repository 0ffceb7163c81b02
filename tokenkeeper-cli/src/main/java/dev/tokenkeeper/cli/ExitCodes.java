package dev.tokenkeeper.cli;

import java.io.PrintWriter;

import dev.tokenkeeper.client.ApiException;
import dev.tokenkeeper.client.ErrorMessage;
import dev.tokenkeeper.client.TokenkeeperClientException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * tk's exit codes, and the one place that turns a failure into a message on standard error and
 * an exit code. Server messages are printed as the server wrote them; nothing here can print a
 * secret, because no exception tk or its client throws carries one.
 */
final class ExitCodes implements IExecutionExceptionHandler {

	static final int OK = 0;

	/** The server failed, or something unexpected happened. */
	static final int SERVER = 1;

	/** The command line was wrong (picocli's own code for usage errors). */
	static final int USAGE = 2;

	/** The credentials failed or do not permit this. */
	static final int AUTHENTICATION = 3;

	/** The user, project, repository or token does not exist. */
	static final int NOT_FOUND = 4;

	static int of(TokenkeeperClientException ex) {
		if (ex instanceof ApiException api) {
			if (api.isAuthenticationFailure()) {
				return AUTHENTICATION;
			}
			if (api.isNotFound()) {
				return NOT_FOUND;
			}
		}
		return SERVER;
	}

	@Override
	public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
		PrintWriter err = commandLine.getErr();
		if (ex instanceof CliException cli) {
			err.println("tk: " + cli.getMessage());
			return cli.exitCode();
		}
		if (ex instanceof TokenkeeperClientException client) {
			report(err, client);
			return of(client);
		}
		if (ex instanceof IllegalArgumentException invalid) {
			// The client refuses arguments it cannot send (a token id with a '/', say) before any request.
			err.println("tk: " + invalid.getMessage());
			return USAGE;
		}
		err.println("tk: unexpected error: " + ex);
		return SERVER;
	}

	/** Prints what the server said (every message) or what went wrong on the way. */
	static void report(PrintWriter err, TokenkeeperClientException ex) {
		if (ex instanceof ApiException api) {
			err.println("tk: the server answered " + api.status() + " to " + api.method() + " " + api.path() + ":");
			for (ErrorMessage message : api.errors()) {
				err.println("  " + (message.context() == null ? "" : message.context() + ": ") + message.message());
			}
			if (api.isAuthenticationFailure()) {
				err.println("  (check --user/--password or --token; a token cannot create, change or delete tokens)");
			}
		}
		else {
			err.println("tk: " + ex.getMessage());
		}
	}

}
