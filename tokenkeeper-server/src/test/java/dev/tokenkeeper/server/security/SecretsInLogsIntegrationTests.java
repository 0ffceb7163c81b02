package dev.tokenkeeper.server.security;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Raw tokens and passwords never reach the log, even with DEBUG logging on for the server and
 * the frameworks on its request path.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "logging.level.dev.tokenkeeper=DEBUG", "logging.level.org.springframework.web=DEBUG",
		"logging.level.org.springframework.security=DEBUG", "logging.level.org.springframework.jdbc=DEBUG" })
class SecretsInLogsIntegrationTests extends IntegrationTestSupport {

	@Test
	void fullLifecycleWhenDebugLoggingThenNoSecretAppearsInTheLog(CapturedOutput output) {
		String user = createUser("secretive");
		String password = passwordOf(user);
		JsonNode created = createToken(user);
		String token = created.get("token").asString();
		String id = created.get("id").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;

		this.http.get(path).bearer(token).send();
		this.http.get(path).basicAuth(user, token).send();
		this.http.get(path).basicAuth(user, password).send();
		this.http.put(path).bearer(token).json("{\"name\":\"x\",\"permissions\":[\"REPO_READ\"]}").send();
		this.http.get(path).bearer(token + "x").send();
		this.http.get(path).basicAuth(user, password + "x").send();
		this.http.put("/rest/api/1.0/users/credentials")
			.basicAuth(user, password)
			.json("{\"oldPassword\":\"" + password + "\",\"password\":broken-" + password + "}")
			.send();
		this.http.post(path + "/" + id).basicAuth(user, password).json("{\"name\":\"renamed\"}").send();
		this.http.delete(path + "/" + id).basicAuth(user, password).send();
		this.http.get(path).bearer(token).send();

		assertThat(output.getAll()).contains(id)
			.doesNotContain(token)
			.doesNotContain(token.substring(5))
			.doesNotContain(password)
			.doesNotContain(Http.basic(user, password).substring(6))
			.doesNotContain(Http.basic(user, token).substring(6));
	}

}
