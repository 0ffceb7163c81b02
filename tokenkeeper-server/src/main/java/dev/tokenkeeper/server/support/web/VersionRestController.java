package dev.tokenkeeper.server.support.web;

import java.util.Map;

import org.springframework.boot.info.BuildProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rest/tokenkeeper/1.0/version}, anonymous: tells a client that this server is a
 * Tokenkeeper with its extensions (a plain Bitbucket, or strict mode, answers 404), and serves
 * as the cheapest request the server can answer, for benchmarks.
 */
@RestController
@TokenkeeperExtension
class VersionRestController {

	private final String version;

	VersionRestController(ObjectProvider<BuildProperties> build) {
		BuildProperties properties = build.getIfAvailable();
		this.version = properties == null ? "development" : properties.getVersion();
	}

	@GetMapping("/rest/tokenkeeper/1.0/version")
	Map<String, String> version() {
		return Map.of("product", "Tokenkeeper", "version", this.version);
	}

}
