package dev.tokenkeeper.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
import dev.tokenkeeper.client.testserver.FilteringProxy;
import dev.tokenkeeper.client.testserver.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static dev.tokenkeeper.cli.TkRenewIntegrationTests.line;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * tk against a server that answers exactly like Bitbucket (Tokenkeeper in strict mode, no
 * extensions), reached through a real HTTP gateway that tests can make refuse single requests.
 * Renewal must take the create-verify-delete path and never lose the old token on a failure.
 */
class TkBitbucketRenewIntegrationTests {

	private static final List<String> PERMISSIONS = List.of("REPO_ADMIN", "PROJECT_WRITE");

	private static TestServer server;

	private static FilteringProxy gateway;

	@TempDir
	Path dir;

	@BeforeAll
	static void startServer() {
		server = TestServer.strict();
		gateway = FilteringProxy.to(server.baseUri());
	}

	@AfterAll
	static void stopServer() {
		gateway.close();
		server.close();
	}

	@AfterEach
	void openGateway() {
		gateway.forwardEverything();
	}

	@Test
	void serverWhenStrictThenReportsPlainBitbucket() {
		String user = server.createUser("probe");

		TkRunner.Result result = tk(user).run("server");

		assertThat(result.out()).contains("Bitbucket (no extensions)", "create, verify, then delete");
	}

	@Test
	void renewWhenIdThenReplacedWithSameNamePermissionsAndExpiryAndNewSecretShownOnce() {
		String user = server.createUser("replace");
		IssuedToken old = createAgo(user, "deploy", 30, Duration.ofDays(25));

		TkRunner.Result result = tk(user).run("tokens", "renew", old.token().id());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		List<AccessToken> now = tokens(user).listAll();
		assertThat(now).singleElement().satisfies(fresh -> {
			assertThat(fresh.id()).isNotEqualTo(old.token().id());
			assertThat(fresh.name()).isEqualTo("deploy");
			assertThat(fresh.permissions()).containsExactlyElementsOf(PERMISSIONS);
			assertThat(fresh.expiryDays()).isEqualTo(30);
		});
		assertThat(line(result.out(), "\"deploy\"")).startsWith("replaced")
			.contains(old.token().id(), "by " + now.get(0).id(), "(in 30 days)", "old token is deleted");
		String secret = line(result.out(), "new secret, shown this once: ").replaceAll(".*: ", "");
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, secret)).isEqualTo(200);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, old.secret().reveal()))
			.isEqualTo(401);
	}

	@Test
	void renewWhenOutputFileAndJsonThenSecretOnlyInTheOwnerOnlyFile() throws Exception {
		String user = server.createUser("tofile");
		IssuedToken old = createAgo(user, "deploy", 10, Duration.ofDays(20));
		Path file = this.dir.resolve("deploy.token");

		TkRunner.Result result = tk(user).run("tokens", "renew", "--name", "deploy", "--output-file", file.toString(),
				"--format", "json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String secret = Files.readString(file).strip();
		assertThat(result.out()).doesNotContain(secret);
		JsonNode only = result.json().get("results").get(0);
		assertThat(only.get("outcome").asString()).isEqualTo("replaced");
		assertThat(only.get("id").asString()).isEqualTo(old.token().id());
		assertThat(only.get("token").get("expiryDays").asInt()).isEqualTo(10);
		assertThat(only.get("token").has("token")).isFalse();
		assertThat(only.get("secretFile").asString()).isEqualTo(file.toString());
		assertThat(result.json().get("replaced").asInt()).isEqualTo(1);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, secret)).isEqualTo(200);
	}

	@Test
	void renewWhenTheGatewayRefusesTheNewTokenThenTheOldTokenIsLeftIntact() {
		String user = server.createUser("unverified");
		IssuedToken old = createAgo(user, "deploy", 30, Duration.ofDays(25));
		gateway.refuse(401, FilteringProxy.Request::bearer);

		TkRunner.Result result = tk(user).run("tokens", "renew", old.token().id());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
		assertThat(line(result.err(), "FAILED")).contains(old.token().id(), "401", "Refused by the gateway.");
		assertThat(result.err()).contains("did not authenticate, so it was deleted again; token " + old.token().id()
				+ " is unchanged.");
		assertThat(result.out()).doesNotContain("BBDC-");
		assertThat(tokens(user).listAll()).containsExactly(tokens(user).get(old.token().id()));
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, old.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void renewWhenTheOldTokenCannotBeDeletedThenBothWorkAndTheNewSecretIsStillHandedOver() throws Exception {
		String user = server.createUser("undeletable");
		IssuedToken old = createAgo(user, "deploy", 30, Duration.ofDays(25));
		Path file = this.dir.resolve("deploy.token");
		gateway.refuse(503, request -> request.method().equals("DELETE") && request.path().endsWith(old.token().id()));

		TkRunner.Result result = tk(user).run("tokens", "renew", old.token().id(), "--output-file", file.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains("could not be deleted and still works");
		assertThat(result.out()).contains("new secret written to " + file);
		assertThat(tokens(user).listAll()).hasSize(2);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, Files.readString(file).strip()))
			.isEqualTo(200);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, old.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void renewAllExpiringWithinWhenMixThenExpiringAndExpiredReplacedAndHealthyUntouched() throws Exception {
		String user = server.createUser("mix");
		createAgo(user, "expiring", 30, Duration.ofDays(25));
		createAgo(user, "expired", 30, Duration.ofDays(100));
		IssuedToken healthy = createAgo(user, "healthy", 90, Duration.ZERO);
		IssuedToken forever = createAgo(user, "forever", null, Duration.ZERO);

		TkRunner.Result result = tk(user).run("tokens", "renew", "--all-expiring-within", "14d", "--output-dir",
				this.dir.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(line(result.out(), "\"expiring\"")).startsWith("replaced");
		assertThat(line(result.out(), "\"expired\"")).startsWith("replaced");
		assertThat(result.out()).contains("Summary: 0 renewed, 2 replaced, 0 failed.").doesNotContain("BBDC-");
		List<AccessToken> now = tokens(user).listAll();
		assertThat(now).extracting(AccessToken::name)
			.containsExactlyInAnyOrder("expiring", "expired", "healthy", "forever");
		assertThat(now).contains(healthy.token(), forever.token());
		assertThat(now).filteredOn(token -> token.name().startsWith("expir"))
			.allSatisfy(token -> assertThat(token.expiryDays()).isEqualTo(30))
			.allSatisfy(token -> assertThat(token.permissions()).containsExactlyElementsOf(PERMISSIONS));
		for (String name : List.of("expiring", "expired")) {
			Path file = this.dir.resolve(name + ".token");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
			assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, Files.readString(file).strip()))
				.isEqualTo(200);
		}
	}

	@Test
	void renewWhenRepositoryTokenThenReplacedUnderTheRepository() {
		server.createProject("BBR");
		server.createRepository("BBR", "web");
		TkRunner admin = new TkRunner(this.dir).env("TK_SERVER", gateway.baseUri().toString())
			.env("TK_USER", TestServer.ADMIN)
			.env("TK_PASSWORD", TestServer.ADMIN_PASSWORD);
		String id = admin.run("tokens", "create", "--project", "BBR", "--repo", "web", "--name", "ci",
				"--repo-permission", "read", "--project-permission", "read", "--expiry-days", "7", "--format", "json")
			.json()
			.get("id")
			.asString();

		TkRunner.Result result = admin.run("tokens", "renew", id, "--project", "BBR", "--repo", "web", "--format",
				"json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode replacement = result.json().get("results").get(0).get("token");
		assertThat(replacement.get("name").asString()).isEqualTo("ci");
		assertThat(replacement.get("expiryDays").asInt()).isEqualTo(7);
		assertThat(server.statusWithBearer("/rest/api/1.0/projects/BBR/repos/web", replacement.get("token").asString()))
			.isEqualTo(200);
		TkRunner.Result list = admin.run("tokens", "list", "--project", "BBR", "--repo", "web", "--format", "json");
		assertThat(list.json()).extracting(token -> token.get("id").asString())
			.containsExactly(replacement.get("id").asString());
	}

	@Test
	void renewWhenDryRunThenSaysReplaceAndChangesNothing() {
		String user = server.createUser("dry");
		IssuedToken old = createAgo(user, "deploy", 30, Duration.ofDays(25));

		TkRunner.Result result = tk(user).run("tokens", "renew", "--all-expiring-within", "14d", "--dry-run");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(line(result.out(), "\"deploy\"")).startsWith("would replace");
		assertThat(result.out()).contains("Dry run: 1 token selected, nothing changed.");
		assertThat(tokens(user).listAll()).containsExactly(tokens(user).get(old.token().id()));
	}

	@Test
	void rotateAndSelfWhenBitbucketThenExplainThatTheExtensionIsMissing() {
		String user = server.createUser("norotate");
		IssuedToken old = createAgo(user, "deploy", 30, Duration.ZERO);

		TkRunner.Result rotate = tk(user).run("tokens", "rotate", old.token().id());
		TkRunner.Result self = new TkRunner(this.dir).env("TK_SERVER", gateway.baseUri().toString())
			.env("TK_TOKEN", old.secret().reveal())
			.run("self");

		assertThat(rotate.exitCode()).isEqualTo(1);
		assertThat(rotate.err()).contains("does not offer rotate", "tk tokens renew works on any server");
		assertThat(self.exitCode()).isEqualTo(1);
		assertThat(self.err()).contains("does not offer self");
	}

	private static IssuedToken createAgo(String user, String name, Integer days, Duration ago) {
		return server.clock().at(ago, () -> tokens(user).create(new CreateTokenRequest(name, PERMISSIONS, days)));
	}

	private TkRunner tk(String user) {
		return new TkRunner(this.dir).env("TK_SERVER", gateway.baseUri().toString())
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
