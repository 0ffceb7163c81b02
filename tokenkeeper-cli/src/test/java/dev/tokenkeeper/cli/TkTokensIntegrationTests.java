package dev.tokenkeeper.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import tools.jackson.databind.JsonNode;

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

/** tk's token commands against a real Tokenkeeper server: output, JSON, exit codes, secret files. */
class TkTokensIntegrationTests {

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
	void listWhenTokensOfEveryKindThenTableShowsRelativeExpiryAndLastUse() {
		String user = server.createUser("list");
		AccessTokens tokens = tokens(user);
		IssuedToken soon = tokens.create(new CreateTokenRequest("soon", List.of("REPO_WRITE", "PROJECT_READ"), 5));
		server.clock().at(Duration.ofDays(13), () -> tokens.create(new CreateTokenRequest("old", READ, 10)));
		tokens.create(new CreateTokenRequest("forever", READ, null));
		server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, soon.secret().reveal());

		TkRunner.Result result = tk(user).run("tokens", "list");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		List<String> lines = result.out().lines().toList();
		assertThat(lines.get(0)).matches("ID +NAME +PERMISSIONS +CREATED +LAST USED +EXPIRES");
		assertThat(lines).hasSize(4);
		assertThat(row(lines, "soon")).startsWith(soon.token().id())
			.contains("REPO_WRITE,PROJECT_READ", "(in 5 days)")
			.containsPattern("just now|minute");
		assertThat(row(lines, "old")).contains("(expired 3 days ago)", "never");
		assertThat(row(lines, "forever")).endsWith("never");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void listWhenFilteredAndJsonThenOnlyMatchingTokensWithServerFieldNames() {
		String user = server.createUser("filter");
		AccessTokens tokens = tokens(user);
		String soon = tokens.create(new CreateTokenRequest("soon", READ, 7)).token().id();
		String expired = server.clock()
			.at(Duration.ofDays(3), () -> tokens.create(new CreateTokenRequest("gone", READ, 1)))
			.token()
			.id();
		tokens.create(new CreateTokenRequest("healthy", READ, 90));

		TkRunner.Result expiring = tk(user).run("tokens", "list", "--expiring-within", "14d", "--format", "json");
		TkRunner.Result onlyExpired = tk(user).run("tokens", "list", "--expired", "--format=json");

		assertThat(expiring.json()).extracting(node -> node.get("id").asString()).containsExactlyInAnyOrder(soon, expired);
		JsonNode token = expiring.json().get(1);
		assertThat(token.get("createdDate").isIntegralNumber()).isTrue();
		assertThat(token.get("expiryDays").asInt()).isEqualTo(7);
		assertThat(token.get("user").get("slug").asString()).isEqualTo(user);
		assertThat(token.has("token")).isFalse();
		assertThat(onlyExpired.json()).extracting(node -> node.get("id").asString()).containsExactly(expired);
	}

	@Test
	void getWhenTokenExistsThenDetailsOrJsonAndWhenUnknownThenExitFourWithServerMessage() {
		String user = server.createUser("get");
		String id = tokens(user).create(new CreateTokenRequest("deploy", READ, 30)).token().id();

		TkRunner.Result details = tk(user).run("tokens", "get", id);
		TkRunner.Result json = tk(user).run("tokens", "get", id, "--format", "json");
		TkRunner.Result missing = tk(user).run("tokens", "get", "000000000000");

		assertThat(details.exitCode()).isZero();
		assertThat(details.out()).contains("ID           " + id, "Name         deploy", "Lifetime     30 days",
				"Last used    never", "(in 30 days)");
		assertThat(json.json().get("name").asString()).isEqualTo("deploy");
		assertThat(missing.exitCode()).isEqualTo(4);
		assertThat(missing.err()).contains("404", "Access token 000000000000 does not exist.");
		assertThat(missing.out()).isEmpty();
	}

	@Test
	void anyCommandWhenPasswordIsWrongThenExitThreeAndNoSecretEchoed() {
		String user = server.createUser("wrongpw");

		TkRunner.Result result = runner().env("TK_USER", user).env("TK_PASSWORD", "not-the-Password").run("tokens", "list");

		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err()).contains("401", "Authentication failed");
		assertThat(result.err() + result.out()).doesNotContain("not-the-Password");
	}

	@Test
	void listWhenConnectionFromFlagsOrPasswordFromTerminalThenTheyAreUsed() {
		String user = server.createUser("flags");
		String id = tokens(user).create(new CreateTokenRequest("mine", READ, null)).token().id();

		TkRunner.Result flags = new TkRunner(this.dir).run("tokens", "list", "--server", server.baseUri().toString(),
				"--user", user, "--password=" + TestServer.passwordOf(user));
		TkRunner.Result prompted = runner().env("TK_USER", user).terminal(TestServer.passwordOf(user))
			.run("tokens", "list");

		assertThat(flags.exitCode()).as(flags.toString()).isZero();
		assertThat(flags.out()).contains(id);
		assertThat(prompted.exitCode()).as(prompted.toString()).isZero();
		assertThat(prompted.out()).contains(id).doesNotContain(TestServer.passwordOf(user));
	}

	@Test
	void createWhenNoOutputFileThenSecretIsPrintedOnceAndAuthenticates() {
		String user = server.createUser("create");

		TkRunner.Result result = tk(user).run("tokens", "create", "--name", "ci", "--repo-permission", "write",
				"--project-permission", "read", "--expiry-days", "30");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		String secret = result.out().lines().reduce((first, second) -> second).orElseThrow();
		assertThat(secret).startsWith("BBDC-");
		assertThat(result.out()).contains("Created token", "\"ci\" (REPO_WRITE, PROJECT_READ)", "(in 30 days)",
				"shown this once");
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, secret)).isEqualTo(200);
		TkRunner.Result list = tk(user).run("tokens", "list", "--format", "json");
		assertThat(list.out()).doesNotContain(secret);
	}

	@Test
	void createWhenOutputFileThenFileIsOwnerOnlyAndSecretIsNotPrinted() throws Exception {
		String user = server.createUser("secretfile");
		Path file = this.dir.resolve("ci.token");

		TkRunner.Result result = tk(user).run("tokens", "create", "--name", "ci", "--repo-permission", "READ",
				"--project-permission", "PROJECT_READ", "--output-file", file.toString(), "--format", "json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String secret = Files.readString(file).strip();
		assertThat(result.out()).doesNotContain(secret);
		assertThat(result.json().has("token")).isFalse();
		assertThat(result.json().get("secretFile").asString()).isEqualTo(file.toString());
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, secret)).isEqualTo(200);
		assertThat(Files.list(this.dir)).containsExactly(file);
	}

	@Test
	void createWhenServerRefusesThenExitOneWithFieldAndMessage() {
		String user = server.createUser("refused");

		TkRunner.Result result = tk(user).run("tokens", "create", "--name", "x", "--repo-permission", "read",
				"--project-permission", "admin");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("400");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void updateWhenNameAndOnePermissionThenTheOtherPermissionIsKept() {
		String user = server.createUser("update");
		String id = tokens(user).create(new CreateTokenRequest("old", List.of("REPO_ADMIN", "PROJECT_WRITE"), null))
			.token()
			.id();

		TkRunner.Result result = tk(user).run("tokens", "update", id, "--name", "new", "--repo-permission", "write");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Updated token " + id + " \"new\" (REPO_WRITE, PROJECT_WRITE)");
		assertThat(tokens(user).get(id).permissions()).containsExactly("REPO_WRITE", "PROJECT_WRITE");
		assertThat(tk(user).run("tokens", "update", id).exitCode()).isEqualTo(2);
	}

	@Test
	void deleteWhenNoTerminalAndNoYesThenRefusedAndWhenYesThenDeleted() {
		String user = server.createUser("delete");
		String id = tokens(user).create(new CreateTokenRequest("doomed", READ, null)).token().id();

		TkRunner.Result refused = tk(user).run("tokens", "delete", id);
		TkRunner.Result declined = tk(user).terminal("n").run("tokens", "delete", id);
		assertThat(tokens(user).listAll()).hasSize(1);
		TkRunner.Result deleted = tk(user).run("tokens", "delete", id, "--yes", "--format", "json");

		assertThat(refused.exitCode()).isEqualTo(2);
		assertThat(refused.err()).contains("--yes");
		assertThat(declined.out()).contains("Nothing deleted.");
		assertThat(deleted.exitCode()).isZero();
		assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
		assertThat(tokens(user).listAll()).isEmpty();
		assertThat(tk(user).run("tokens", "delete", id, "--yes").exitCode()).isEqualTo(4);
	}

	@Test
	void listWhenProjectOrRepositoryThenTheirTokensAreListed() {
		server.createProject("LST");
		server.createRepository("LST", "web");
		TkRunner admin = tk(TestServer.ADMIN, TestServer.ADMIN_PASSWORD);
		TkRunner.Result created = admin.run("tokens", "create", "--project", "LST", "--repo", "web", "--name", "ci",
				"--repo-permission", "write", "--project-permission", "read", "--format", "json");
		String id = created.json().get("id").asString();

		TkRunner.Result repository = admin.run("tokens", "list", "--project", "LST", "--repo", "web");
		TkRunner.Result project = admin.run("tokens", "list", "--project", "LST", "--format", "json");
		TkRunner.Result missing = admin.run("tokens", "list", "--project", "NOPE");
		TkRunner.Result badId = admin.run("tokens", "get", "../../x");

		assertThat(created.json().get("user").get("type").asString()).isEqualTo("SERVICE");
		assertThat(repository.out()).contains(id, "ci", "REPO_WRITE,PROJECT_READ");
		assertThat(project.json()).isEmpty();
		assertThat(missing.exitCode()).isEqualTo(4);
		assertThat(missing.err()).contains("/rest/access-tokens/latest/projects/NOPE?start=");
		assertThat(badId.exitCode()).isEqualTo(2);
		assertThat(badId.err()).contains("A token id is a string of digits");
	}

	private static String row(List<String> lines, String name) {
		return lines.stream().filter(line -> line.contains("  " + name + " ")).findFirst().orElseThrow();
	}

	private TkRunner runner() {
		return new TkRunner(this.dir).env("TK_SERVER", server.baseUri().toString());
	}

	private TkRunner tk(String user) {
		return tk(user, TestServer.passwordOf(user));
	}

	private TkRunner tk(String user, String password) {
		return runner().env("TK_USER", user).env("TK_PASSWORD", password);
	}

	private static AccessTokens tokens(String user) {
		return TokenkeeperClient.builder(server.baseUri())
			.credentials(Credentials.password(user, TestServer.passwordOf(user)))
			.build()
			.tokens(TokenOwner.user(user));
	}

}
