package dev.tokenkeeper.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.tokenkeeper.client.ServerCapabilities;
import picocli.CommandLine.Command;

@Command(name = "server", mixinStandardHelpOptions = true,
		description = { "Tell whether the server is Tokenkeeper (native renew, rotate, self) or plain Bitbucket.",
				"Reads GET /rest/tokenkeeper/1.0/version (and, for older Tokenkeeper servers, "
						+ "GET /rest/access-tokens/latest/self), which change nothing; Bitbucket answers 404 to both." },
		footerHeading = "%nExamples:%n", footer = { "  tk server", "  tk server --format json" })
final class ServerCommand extends BaseCommand {

	@Override
	public Integer call() {
		ServerCapabilities capabilities = client().capabilities();
		if (this.output.json()) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("server", client().baseUrl());
			json.put("tokenkeeperExtensions", capabilities.tokenkeeperExtensions());
			json.put("version", capabilities.version());
			json.put("nativeRenewal", capabilities.nativeRenewal());
			json.put("rotation", capabilities.rotation());
			printJson(json);
		}
		else {
			out().println(client().baseUrl() + ": " + capabilities.describe());
			out().println(capabilities.nativeRenewal()
					? "tk tokens renew renews in place: same id, same secret."
					: "tk tokens renew replaces tokens safely: create, verify, then delete the old one.");
		}
		return ExitCodes.OK;
	}

}
