package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every endpoint of the personal access token API: success, validation and paging. */
class AccessTokenApiIntegrationTests extends IntegrationTestSupport {

	private static final String READ = "{\"name\":\"ci\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}";

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void createWhenValidThenEveryFieldIsReturnedWithTheSecretOnce(String version) {
		String user = createUser("creator");
		Instant now = Instant.parse("2026-03-01T10:15:30.123Z");
		this.clock.setInstant(now);

		Http.Response response = this.http.put("/rest/access-tokens/" + version + "/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"deploy\",\"permissions\":[\"PROJECT_WRITE\",\"REPO_WRITE\"],\"expiryDays\":30}")
			.send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		JsonNode token = response.json();
		assertThat(List.copyOf(token.propertyNames())).containsExactly("id", "createdDate", "expiryDays",
				"expiryDate", "name", "permissions", "user", "token");
		KbWorkflowIntegrationTests.assertTokenShape(token, user);
		assertThat(token.get("createdDate").asLong()).isEqualTo(now.toEpochMilli());
		assertThat(token.get("expiryDays").asInt()).isEqualTo(30);
		assertThat(token.get("expiryDate").asLong()).isEqualTo(now.plus(Duration.ofDays(30)).toEpochMilli());
		assertThat(token.get("name").asString()).isEqualTo("deploy");
		assertThat(token.get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_WRITE\"]");
		String raw = token.get("token").asString();
		assertThat(TokenSecrets.parse(raw)).get().extracting(TokenSecrets.PresentedToken::id)
			.isEqualTo(token.get("id").asString());

		Http.Response get = this.http.get("/rest/access-tokens/" + version + "/users/" + user + "/" + token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(get.status()).isEqualTo(200);
		assertThat(get.json().has("token")).isFalse();
		assertThat(get.body()).doesNotContain(raw);
	}

	@Test
	void createWhenFieldsAreInvalidThenBadRequestNamesTheFieldAndNothingIsStored() {
		String user = createUser("invalid");
		String path = "/rest/access-tokens/1.0/users/" + user;
		assertCreateRejected(user, "{\"permissions\":[\"REPO_READ\"]}", "name");
		assertCreateRejected(user, "{\"name\":\"  \",\"permissions\":[\"REPO_READ\"]}", "name");
		assertCreateRejected(user, "{\"name\":\"" + "n".repeat(256) + "\",\"permissions\":[\"REPO_READ\"]}", "name");
		assertCreateRejected(user, "{\"name\":\"a\\u0000b\",\"permissions\":[\"REPO_READ\"]}", "name");
		assertCreateRejected(user, "{\"name\":\"x\"}", "permissions");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[]}", "permissions");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[\"REPO_READ\",\"PROJECT_WRITE\"]}", "permissions");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[\"REPO_ADMIN\",\"ADMIN\"]}", "permissions");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[\"SYS_ADMIN\"]}", "permissions");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[\"REPO_FLY\"]}", "permissions");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":0}", "expiryDays");
		assertCreateRejected(user, "{\"name\":\"x\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":-5}", "expiryDays");

		Http.Response list = this.http.get(path).basicAuth(user, passwordOf(user)).send();
		assertThat(list.json().get("size").asInt()).isZero();
	}

	@Test
	void createWhenGlobalPermissionRequestedThenMessageSaysTokensMayNotHaveIt() {
		String user = createUser("global");
		Http.Response response = this.http.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"x\",\"permissions\":[\"ADMIN\"]}")
			.send();
		assertErrors(response, 400, "permissions");
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("ADMIN")
			.contains("may not have");
		assertThat(response.json().get("errors").get(0).get("exceptionName").asString())
			.endsWith("ArgumentValidationException");
	}

	@Test
	void createWhenOwnerHoldsTheMaximumThenBadRequestAndTheCountStays() {
		String user = createUser("hoarder");
		for (int i = 0; i < 100; i++) {
			createToken(user);
		}
		Http.Response response = this.http.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json(READ)
			.send();
		assertErrors(response, 400, null);
		assertThat(response.json().get("errors").get(0).get("message").asString())
			.contains("already has the maximum number of tokens");
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user + "?limit=1000")
			.basicAuth(user, passwordOf(user))
			.send()
			.json()
			.get("size")
			.asInt()).isEqualTo(100);
	}

	@Test
	void listWhenSeveralPagesThenEveryTokenAppearsOnceInCreationOrder() {
		String user = createUser("pager");
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			this.clock.setInstant(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i));
			created.add(createToken(user).get("id").asString());
		}
		List<String> seen = new ArrayList<>();
		Integer start = 0;
		List<Boolean> lastPages = new ArrayList<>();
		while (start != null) {
			JsonNode page = this.http.get("/rest/access-tokens/latest/users/" + user + "?limit=3&start=" + start)
				.basicAuth(user, passwordOf(user))
				.send()
				.json();
			assertThat(page.get("start").asInt()).isEqualTo(start);
			assertThat(page.get("limit").asInt()).isEqualTo(3);
			assertThat(page.get("size").asInt()).isEqualTo(page.get("values").size());
			page.get("values").forEach(token -> seen.add(token.get("id").asString()));
			lastPages.add(page.get("isLastPage").asBoolean());
			start = page.has("nextPageStart") ? page.get("nextPageStart").asInt() : null;
		}
		assertThat(seen).containsExactlyElementsOf(created);
		assertThat(lastPages).containsExactly(false, false, true);

		JsonNode beyond = this.http.get("/rest/access-tokens/latest/users/" + user + "?start=50")
			.basicAuth(user, passwordOf(user))
			.send()
			.json();
		assertThat(beyond.get("size").asInt()).isZero();
		assertThat(beyond.get("isLastPage").asBoolean()).isTrue();
	}

	@Test
	void everyEndpointWhenCalledUnderOneDotZeroAndLatestThenAnswersAreIdentical() {
		String user = createUser("versions");
		String id = createToken(user).get("id").asString();
		for (String path : List.of("/users/" + user, "/users/" + user + "/" + id, "/users/" + user + "/000000000000",
				"/users/nobody-at-all")) {
			Http.Response one = this.http.get("/rest/access-tokens/1.0" + path).basicAuth(user, passwordOf(user)).send();
			Http.Response latest = this.http.get("/rest/access-tokens/latest" + path)
				.basicAuth(user, passwordOf(user))
				.send();
			assertThat(latest.status()).isEqualTo(one.status());
			assertThat(latest.body()).isEqualTo(one.body());
		}
		assertThat(this.http.get("/rest/access-tokens/2.0/users/" + user).basicAuth(user, passwordOf(user)).send().status())
			.isEqualTo(404);
	}

	@Test
	void updateWhenOnlyNameGivenThenPermissionsKeepTheirValuesAndViceVersa() {
		String user = createUser("updater");
		String id = createToken(user, "{\"name\":\"old\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_READ\"],\"expiryDays\":10}")
			.get("id")
			.asString();
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + id;

		JsonNode renamed = this.http.post(path).basicAuth(user, passwordOf(user)).json("{\"name\":\"new\"}").send().json();
		assertThat(renamed.get("name").asString()).isEqualTo("new");
		assertThat(renamed.get("permissions").toString()).isEqualTo("[\"REPO_ADMIN\",\"PROJECT_READ\"]");
		assertThat(renamed.get("expiryDays").asInt()).isEqualTo(10);

		JsonNode narrowed = this.http.post(path)
			.basicAuth(user, passwordOf(user))
			.json("{\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}")
			.send()
			.json();
		assertThat(narrowed.get("name").asString()).isEqualTo("new");
		assertThat(narrowed.get("permissions").toString()).isEqualTo("[\"REPO_READ\",\"PROJECT_READ\"]");
		assertThat(narrowed.has("token")).isFalse();

		JsonNode stored = this.http.get(path).basicAuth(user, passwordOf(user)).send().json();
		assertThat(stored.get("name").asString()).isEqualTo("new");
		assertThat(stored.get("permissions").toString()).isEqualTo("[\"REPO_READ\",\"PROJECT_READ\"]");
	}

	@Test
	void updateWhenInvalidThenBadRequestAndNothingChanges() {
		String user = createUser("badupdate");
		String id = createToken(user).get("id").asString();
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + id;
		assertErrors(this.http.post(path).basicAuth(user, passwordOf(user)).json("{\"name\":\"x\",\"expiryDays\":5}").send(),
				400, "expiryDays");
		assertErrors(this.http.post(path).basicAuth(user, passwordOf(user)).json("{\"name\":\"\"}").send(), 400, "name");
		assertErrors(this.http.post(path)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"y\",\"permissions\":[\"REPO_READ\",\"PROJECT_ADMIN\"]}")
			.send(), 400, "permissions");
		JsonNode stored = this.http.get(path).basicAuth(user, passwordOf(user)).send().json();
		assertThat(stored.get("name").asString()).isEqualTo("token");
		assertThat(stored.has("expiryDays")).isFalse();
	}

	@Test
	void deleteWhenTokenExistsThenNoContentAndItIsGone() {
		String user = createUser("deleter");
		String id = createToken(user).get("id").asString();
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + id;
		Http.Response delete = this.http.delete(path).basicAuth(user, passwordOf(user)).send();
		assertThat(delete.status()).isEqualTo(204);
		assertThat(delete.body()).isEmpty();
		assertErrors(this.http.get(path).basicAuth(user, passwordOf(user)).send(), 404, null);
		assertErrors(this.http.delete(path).basicAuth(user, passwordOf(user)).send(), 404, null);
	}

	@Test
	void getWhenUserOrTokenUnknownThenNotFoundWithBitbucketsExceptionNames() {
		String user = createUser("finder");
		String other = createUser("finder");
		String othersToken = createToken(other).get("id").asString();

		Http.Response noUser = this.http.get("/rest/access-tokens/1.0/users/no-such-user").basicAuth(user, passwordOf(user)).send();
		assertErrors(noUser, 404, null);
		assertThat(noUser.json().get("errors").get(0).get("exceptionName").asString()).endsWith(".NoSuchUserException");

		Http.Response noToken = this.http.get("/rest/access-tokens/1.0/users/" + user + "/123456789012")
			.basicAuth(user, passwordOf(user))
			.send();
		assertErrors(noToken, 404, null);
		assertThat(noToken.json().get("errors").get(0).get("exceptionName").asString())
			.endsWith(".NoSuchAccessTokenException");

		// Another user's token addressed under my own slug does not exist for me.
		assertErrors(this.http.get("/rest/access-tokens/1.0/users/" + user + "/" + othersToken)
			.basicAuth(user, passwordOf(user))
			.send(), 404, null);
		assertErrors(this.http.delete("/rest/access-tokens/1.0/users/" + user + "/" + othersToken)
			.basicAuth(user, passwordOf(user))
			.send(), 404, null);
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + other + "/" + othersToken)
			.basicAuth(other, passwordOf(other))
			.send()
			.status()).isEqualTo(200);
	}

	@Test
	void lastAuthenticatedWhenTokenNeverUsedThenAbsentAndAfterUseThenShown() {
		String user = createUser("usage");
		JsonNode created = createToken(user);
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + created.get("id").asString();
		assertThat(this.http.get(path).basicAuth(user, passwordOf(user)).send().json().has("lastAuthenticated")).isFalse();

		Instant used = Instant.parse("2026-05-05T05:05:05.005Z");
		this.clock.setInstant(used);
		assertThat(this.http.get(path).bearer(created.get("token").asString()).send().status()).isEqualTo(200);

		JsonNode token = this.http.get(path).basicAuth(user, passwordOf(user)).send().json();
		assertThat(token.get("lastAuthenticated").asLong()).isEqualTo(used.toEpochMilli());
	}

	private void assertCreateRejected(String user, String body, String context) {
		Http.Response response = this.http.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json(body)
			.send();
		assertErrors(response, 400, context);
	}

}
