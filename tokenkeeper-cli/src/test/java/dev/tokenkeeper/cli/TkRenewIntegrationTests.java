package dev.tokenkeeper.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.client.AccessToken;
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

/** tk tokens renew against Tokenkeeper: native renewal, same id and secret. */
class TkRenewIntegrationTests {

	private static final List<String> PERMISSIONS = List.of("REPO_WRITE", "PROJECT_READ");

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
	void renewWhenIdThenRenewedInPlaceAndTheSameSecretKeepsWorking() {
		String user = server.createUser("byid");
		IssuedToken issued = createAgo(user, "deploy", 30, Duration.ofDays(20));

		TkRunner.Result result = tk(user).run("tokens", "renew", issued.token().id());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("renewed", issued.token().id(), "\"deploy\"", "(in 30 days)", "same secret")
			.doesNotContain("Summary", "BBDC-");
		AccessToken renewed = tokens(user).get(issued.token().id());
		assertThat(renewed.expiryDate()).isAfter(issued.token().expiryDate().plus(Duration.ofDays(19)));
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, issued.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void renewWhenNameAndJsonThenOneResultWithTheRenewedToken() {
		String user = server.createUser("byname");
		IssuedToken issued = createAgo(user, "deploy", 30, Duration.ofDays(1));

		TkRunner.Result result = tk(user).run("tokens", "renew", "--name", "deploy", "--expiry-days", "60", "--format",
				"json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode document = result.json();
		assertThat(document.get("renewed").asInt()).isEqualTo(1);
		assertThat(document.get("failed").asInt()).isZero();
		JsonNode only = document.get("results").get(0);
		assertThat(only.get("id").asString()).isEqualTo(issued.token().id());
		assertThat(only.get("outcome").asString()).isEqualTo("renewed");
		assertThat(only.get("token").get("expiryDays").asInt()).isEqualTo(60);
		assertThat(only.get("token").has("token")).isFalse();
	}

	@Test
	void renewAllExpiringWithinWhenMixThenExpiringAndRecentlyExpiredRenewedOthersUntouchedAndFailureCounted() {
		String user = server.createUser("mix");
		IssuedToken expiring = createAgo(user, "expiring", 30, Duration.ofDays(25));
		IssuedToken expired = createAgo(user, "expired", 30, Duration.ofDays(40));
		IssuedToken abandoned = createAgo(user, "abandoned", 30, Duration.ofDays(100));
		IssuedToken healthy = createAgo(user, "healthy", 90, Duration.ZERO);
		IssuedToken forever = createAgo(user, "forever", null, Duration.ZERO);

		TkRunner.Result result = tk(user).run("tokens", "renew", "--all-expiring-within", "14d");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(line(result.out(), "\"expiring\"")).startsWith("renewed").contains("(in 30 days)");
		assertThat(line(result.out(), "\"expired\"")).startsWith("renewed").contains("(in 30 days)");
		assertThat(result.out()).doesNotContain("healthy", "forever", "BBDC-")
			.contains("Summary: 2 renewed, 0 replaced, 1 failed.");
		assertThat(line(result.err(), "\"abandoned\"")).startsWith("FAILED").contains("400", "expired too long ago");
		assertThat(result.err()).contains("Nothing was changed; token " + abandoned.token().id() + " is as it was.");
		assertThat(tokens(user).get(healthy.token().id())).isEqualTo(healthy.token());
		assertThat(tokens(user).get(forever.token().id())).isEqualTo(forever.token());
		assertThat(tokens(user).get(abandoned.token().id()).expiryDate()).isEqualTo(abandoned.token().expiryDate());
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, expired.secret().reveal()))
			.isEqualTo(200);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, expiring.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void renewWhenDryRunThenSaysWhatWouldHappenAndChangesNothing() {
		String user = server.createUser("dry");
		IssuedToken expiring = createAgo(user, "expiring", 30, Duration.ofDays(25));

		TkRunner.Result result = tk(user).run("tokens", "renew", "--all-expiring-within", "14d", "--dry-run");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(line(result.out(), "\"expiring\"")).startsWith("would renew").contains("same id and secret");
		assertThat(result.out()).contains("Dry run: 1 token selected, nothing changed.");
		assertThat(tokens(user).get(expiring.token().id()).expiryDate()).isEqualTo(expiring.token().expiryDate());
	}

	@Test
	void renewWhenSelectionIsWrongThenUsageOrNotFound() {
		String user = server.createUser("select");
		createAgo(user, "twin", 30, Duration.ZERO);
		createAgo(user, "twin", 30, Duration.ZERO);

		assertThat(tk(user).run("tokens", "renew").exitCode()).isEqualTo(2);
		assertThat(tk(user).run("tokens", "renew", "--name", "twin").err()).contains("several tokens are named 'twin'");
		assertThat(tk(user).run("tokens", "renew", "--name", "twin").exitCode()).isEqualTo(2);
		assertThat(tk(user).run("tokens", "renew", "--name", "nobody").exitCode()).isEqualTo(4);
		assertThat(tk(user).run("tokens", "renew", "000000000000").exitCode()).isEqualTo(4);
		assertThat(tk(user).run("tokens", "renew", "--all-expiring-within", "2x").exitCode()).isEqualTo(2);
	}

	@Test
	void renewWhenCalledWithATokenThenRefusedWithExitThree() {
		String user = server.createUser("bytoken");
		IssuedToken issued = createAgo(user, "ci", 30, Duration.ofDays(25));

		TkRunner.Result result = new TkRunner(this.dir).env("TK_SERVER", server.baseUri().toString())
			.env("TK_TOKEN", issued.secret().reveal())
			.run("tokens", "renew", issued.token().id());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(result.err()).contains("Access tokens cannot change access tokens.");
	}

	private static IssuedToken createAgo(String user, String name, Integer days, Duration ago) {
		return server.clock().at(ago, () -> tokens(user).create(new CreateTokenRequest(name, PERMISSIONS, days)));
	}

	static String line(String output, String containing) {
		return output.lines().filter(line -> line.contains(containing)).findFirst().orElseThrow(
				() -> new AssertionError("no line with " + containing + " in:\n" + output));
	}

	private TkRunner tk(String user) {
		return new TkRunner(this.dir).env("TK_SERVER", server.baseUri().toString())
			.env("TK_USER", user)
			.env("TK_PASSWORD", TestServer.passwordOf(user));
	}

	private static AccessTokens tokens(String user) {
		return TokenkeeperClient.builder(server.baseUri())
			.credentials(Credentials.password(user, TestServer.passwordOf(user)))
			.build()
			.tokens(TokenOwner.user(user));
	}

}
