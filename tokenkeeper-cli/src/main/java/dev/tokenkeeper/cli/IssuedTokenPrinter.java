package dev.tokenkeeper.cli;

import java.nio.file.Path;
import java.time.Instant;

import dev.tokenkeeper.client.IssuedToken;
import dev.tokenkeeper.client.WireJson;
import tools.jackson.databind.node.ObjectNode;

/**
 * Prints a token that comes with its secret (created or rotated): the secret goes to the file
 * if one was named, and is shown otherwise, this once. JSON is the server's own response, with
 * {@code secretFile} in place of {@code token} when the secret went to a file.
 */
final class IssuedTokenPrinter {

	private final BaseCommand command;

	IssuedTokenPrinter(BaseCommand command) {
		this.command = command;
	}

	void print(String verb, IssuedToken issued, Path outputFile) {
		boolean written = this.command.handOver(issued, outputFile);
		if (this.command.output.json()) {
			ObjectNode json = (ObjectNode) (written ? WireJson.toJson(issued.token()) : WireJson.toJson(issued));
			if (written) {
				if (issued.previousSecretValidUntil() != null) {
					json.put("previousSecretValidUntil", issued.previousSecretValidUntil().toEpochMilli());
				}
				json.put("secretFile", outputFile.toString());
			}
			this.command.printJson(json);
			return;
		}
		var out = this.command.out();
		out.println(verb + " token " + this.command.view().summary(issued.token()) + ".");
		Instant until = issued.previousSecretValidUntil();
		if (until != null) {
			TimeFormat time = this.command.time();
			out.println("The previous secret keeps working until " + time.dateTime(until) + " ("
					+ time.expiry(until).replace("in ", "for ") + ").");
		}
		if (written) {
			out.println("The secret is in " + outputFile + " (readable by you alone).");
		}
		else {
			out.println("The secret, shown this once:");
			out.println(issued.secret().reveal());
		}
	}

}
