package dev.tokenkeeper.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tokenkeeper.client.AccessTokens;
import dev.tokenkeeper.client.CreateTokenRequest;
import dev.tokenkeeper.client.Credentials;
import dev.tokenkeeper.client.IssuedToken;
import dev.tokenkeeper.client.TokenOwner;
import dev.tokenkeeper.client.TokenkeeperClient;
import dev.tokenkeeper.client.testserver.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** tk's Tokenkeeper-only commands (rotate, self, self rotate) and what a bare token can do, against a real server. */
class TkRotateAndSelfIntegrationTests {

	private static final List<String> READ = List.of("REPO_READ", "PROJECT_READ");

	private static TestServer server;

	@TempDir
	Path dir;

	@BeforeAll
	static void startServer() {
		server = TestServer.tokenkeeper();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void rotateWhenGraceThenNewSecretInFileAndOldSecretStillWorks() throws Exception {
		String user = server.createUser("rotate");
		IssuedToken issued = tokens(user).create(new CreateTokenRequest("ci", READ, 30));
		Path file = this.dir.resolve("rotated.token");

		TkRunner.Result result = tk(user).run("tokens", "rotate", issued.token().id(), "--grace", "10m",
				"--output-file", file.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Rotated token " + issued.token().id(),
				"The previous secret keeps working until", "(for 10 minutes)");
		String secret = Files.readString(file).strip();
		assertThat(secret).isNotEqualTo(issued.secret().reveal());
		assertThat(result.out()).doesNotContain(secret);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, secret)).isEqualTo(200);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, issued.secret().reveal()))
			.isEqualTo(200);
		assertThat(tk(user).run("tokens", "rotate", issued.token().id(), "--grace", "90s").exitCode()).isEqualTo(2);
	}

	@Test
	void selfWhenCalledWithTokenThenShowsItAndSelfRotateReplacesItsSecret() throws Exception {
		String user = server.createUser("self");
		IssuedToken issued = tokens(user).create(new CreateTokenRequest("ci-job", READ, 30));
		Path file = this.dir.resolve("ci.token");

		TkRunner.Result self = runner().env("TK_TOKEN", issued.secret().reveal()).run("self");
		TkRunner.Result rotated = runner().env("TK_TOKEN", issued.secret().reveal())
			.run("self", "rotate", "--output-file", file.toString(), "--format", "json");
		TkRunner.Result withPassword = tk(user).run("self");

		assertThat(self.exitCode()).as(self.toString()).isZero();
		assertThat(self.out()).contains("ID           " + issued.token().id(), "ci-job");
		assertThat(rotated.exitCode()).as(rotated.toString()).isZero();
		assertThat(rotated.json().get("id").asString()).isEqualTo(issued.token().id());
		String secret = Files.readString(file).strip();
		assertThat(runner().env("TK_TOKEN", secret).run("self").exitCode()).isZero();
		assertThat(runner().env("TK_TOKEN", issued.secret().reveal()).run("self").exitCode()).isEqualTo(3);
		assertThat(withPassword.exitCode()).isEqualTo(2);
	}

	@Test
	void listWhenBareBearerTokenThenOwnerComesFromSelf() {
		String user = server.createUser("bearer");
		IssuedToken issued = tokens(user).create(new CreateTokenRequest("reader", READ, null));

		TkRunner.Result result = runner().env("TK_TOKEN", issued.secret().reveal()).run("tokens", "list");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains(issued.token().id());
	}

	@Test
	void serverWhenTokenkeeperThenSaysNativeRenewal() {
		String user = server.createUser("probe");

		TkRunner.Result result = tk(user).run("server", "--format", "json");

		assertThat(result.json().get("nativeRenewal").asBoolean()).isTrue();
		assertThat(tk(user).run("server").out()).contains("Tokenkeeper", "same secret");
	}

	private TkRunner runner() {
		return new TkRunner(this.dir).env("TK_SERVER", server.baseUri().toString());
	}

	private TkRunner tk(String user) {
		return runner().env("TK_USER", user).env("TK_PASSWORD", TestServer.passwordOf(user));
	}

	private static AccessTokens tokens(String user) {
		return TokenkeeperClient.builder(server.baseUri())
			.credentials(Credentials.password(user, TestServer.passwordOf(user)))
			.build()
			.tokens(TokenOwner.user(user));
	}

}
