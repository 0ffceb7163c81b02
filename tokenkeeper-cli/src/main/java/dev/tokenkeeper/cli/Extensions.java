package dev.tokenkeeper.cli;

import java.util.function.Supplier;

import dev.tokenkeeper.client.ApiException;
import dev.tokenkeeper.client.TokenkeeperClient;

/** Runs a Tokenkeeper extension, and explains a 404 that means the server has no extensions at all. */
final class Extensions {

	private Extensions() {
	}

	static <T> T require(TokenkeeperClient client, String operation, Supplier<T> call) {
		try {
			return call.get();
		}
		catch (ApiException ex) {
			if (ex.isNotFound() && !client.capabilities().tokenkeeperExtensions()) {
				throw new CliException(ExitCodes.SERVER, client.baseUrl() + " does not offer " + operation
						+ ", a Tokenkeeper extension (it answers like Bitbucket); tk tokens renew works on any server");
			}
			throw ex;
		}
	}

}
