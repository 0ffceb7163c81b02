package dev.tokenkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.tokenkeeper.client.AccessToken;
import dev.tokenkeeper.client.ApiException;
import dev.tokenkeeper.client.IssuedToken;
import dev.tokenkeeper.client.RenewalOutcome;
import dev.tokenkeeper.client.WireJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Says what a renewal did, token by token: a progress line (or a JSON object) each, and the
 * totals; failures also on standard error. A new secret appears here only when it was not
 * written to a file.
 */
final class RenewalReport {

	private final PrintWriter out;

	private final PrintWriter err;

	private final TokenView view;

	private final boolean json;

	private final ArrayNode results = WireJson.mapper().createArrayNode();

	private int renewed;

	private int replaced;

	private int failed;

	private final boolean dryRun;

	RenewalReport(PrintWriter out, PrintWriter err, TokenView view, boolean json, boolean dryRun) {
		this.dryRun = dryRun;
		this.out = out;
		this.err = err;
		this.view = view;
		this.json = json;
	}

	void planned(AccessToken token, boolean nativeRenewal) {
		String action = nativeRenewal ? "would renew" : "would replace";
		ObjectNode result = result(token, action.replace(' ', '-'));
		this.results.add(result);
		if (!this.json) {
			this.out.println(String.format("%-14s", action) + describe(token) + (nativeRenewal
					? "  (in place: same id and secret)" : "  (create a copy, prove its secret works, delete this one)"));
		}
	}

	/**
	 * @param secretFile where the new secret was written, or {@code null} if it must be shown here
	 */
	void record(RenewalOutcome outcome, Path secretFile) {
		if (outcome instanceof RenewalOutcome.Renewed done) {
			this.renewed++;
			ObjectNode result = result(done.original(), "renewed");
			result.set("token", WireJson.toJson(done.renewed()));
			this.results.add(result);
			line("renewed", done.original(), "now expires " + this.view.expiry(done.renewed()) + "; same secret");
		}
		else if (outcome instanceof RenewalOutcome.Replaced done) {
			this.replaced++;
			this.results.add(withReplacement(result(done.original(), "replaced"), done.replacement(), secretFile));
			line("replaced", done.original(), "by " + done.replacement().token().id() + ", which expires "
					+ this.view.expiry(done.replacement().token()) + "; the old token is deleted");
			secret(done.replacement(), secretFile);
		}
		else if (outcome instanceof RenewalOutcome.Failed failure) {
			this.failed++;
			ObjectNode result = result(failure.original(), "failed");
			result.put("state", failure.state().name());
			result.put("message", failure.describe());
			result.set("error", error(failure));
			if (failure.replacement() != null) {
				withReplacement(result, failure.replacement(), secretFile);
			}
			this.results.add(result);
			// Failures go to standard error in both formats, so a cron job's mail shows them.
			this.err.println(String.format("%-14s", "FAILED") + describe(failure.original()) + ": " + cause(failure));
			this.err.println("              " + failure.describe());
			if (failure.replacement() != null) {
				secret(failure.replacement(), secretFile);
			}
		}
	}

	/** The totals: a line for people, or the whole JSON document for scripts. */
	void finish(boolean summary) {
		if (this.json) {
			ObjectNode document = WireJson.mapper().createObjectNode();
			document.set("results", this.results);
			document.put("renewed", this.renewed);
			document.put("replaced", this.replaced);
			document.put("failed", this.failed);
			document.put("dryRun", this.dryRun);
			this.out.println(WireJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document));
		}
		else if (this.dryRun) {
			this.out.println("Dry run: " + this.results.size() + " token" + (this.results.size() == 1 ? "" : "s")
					+ " selected, nothing changed.");
		}
		else if (summary) {
			this.out.println("Summary: " + this.renewed + " renewed, " + this.replaced + " replaced, " + this.failed
					+ " failed.");
		}
	}

	int failed() {
		return this.failed;
	}

	private void line(String action, AccessToken token, String detail) {
		if (!this.json) {
			this.out.println(String.format("%-14s", action) + describe(token) + ": " + detail);
		}
	}

	private void secret(IssuedToken issued, Path secretFile) {
		if (this.json) {
			return;
		}
		if (secretFile != null) {
			this.out.println("              new secret written to " + secretFile + " (readable by you alone)");
		}
		else {
			this.out.println("              new secret, shown this once: " + issued.secret().reveal());
		}
	}

	private static String describe(AccessToken token) {
		return token.id() + " \"" + token.name() + "\"";
	}

	private static ObjectNode result(AccessToken token, String outcome) {
		ObjectNode result = WireJson.mapper().createObjectNode();
		result.put("id", token.id());
		result.put("name", token.name());
		result.put("outcome", outcome);
		return result;
	}

	private static ObjectNode withReplacement(ObjectNode result, IssuedToken replacement, Path secretFile) {
		if (secretFile != null) {
			result.set("token", WireJson.toJson(replacement.token()));
			result.put("secretFile", secretFile.toString());
		}
		else {
			result.set("token", WireJson.toJson(replacement));
		}
		return result;
	}

	private static String cause(RenewalOutcome.Failed failure) {
		if (failure.cause() instanceof ApiException api) {
			return "the server answered " + api.status() + " to " + api.method() + " " + api.path() + ": " + api.messages();
		}
		return failure.cause().getMessage();
	}

	private static JsonNode error(RenewalOutcome.Failed failure) {
		ObjectNode error = WireJson.mapper().createObjectNode();
		if (failure.cause() instanceof ApiException api) {
			error.put("status", api.status());
			List<String> messages = new ArrayList<>();
			api.errors().forEach(message -> messages.add(message.message()));
			error.set("messages", WireJson.mapper().valueToTree(messages));
		}
		else {
			error.put("message", failure.cause().getMessage());
		}
		return error;
	}

}
