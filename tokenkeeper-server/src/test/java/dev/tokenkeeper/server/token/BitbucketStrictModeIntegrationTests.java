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

import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code tokenkeeper.bitbucket-strict=true} the server is Bitbucket and nothing more: every
 * Tokenkeeper extension path is an unknown path (404 with the errors envelope), no response
 * carries {@code X-Token-Expiration}, and Bitbucket's own endpoints answer exactly as they do in
 * Bitbucket. This class runs its own server (a second Spring context) with that setting.
 */
@TestPropertySource(properties = "tokenkeeper.bitbucket-strict=true")
class BitbucketStrictModeIntegrationTests extends IntegrationTestSupport {

	private static final String EXPIRATION = "X-Token-Expiration";

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE");

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void extensionPathWhenStrictThenNotFoundForEveryMethodAndCredential(String version) {
		String user = createUser("strict-paths");
		this.clock.setInstant(Instant.parse("2026-08-01T00:00:00Z"));
		JsonNode token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":30}");
		String raw = token.get("token").asString();
		String base = "/rest/access-tokens/" + version;
		String tokenPath = base + "/users/" + user + "/" + token.get("id").asString();
		List<String> paths = List.of(tokenPath + "/renew", tokenPath + "/rotate", base + "/self", base + "/self/rotate",
				base + "/admin/settings", "/rest/tokenkeeper/1.0/version", "/rest/tokenkeeper/1.0/audit",
				"/rest/tokenkeeper/1.0/webhooks", "/rest/tokenkeeper/1.0/tokens/expiring",
				"/rest/tokenkeeper/1.0/authorize?project=X&permission=PROJECT_READ");
		String body = "{\"expiryDays\":5,\"gracePeriodMinutes\":5}";

		List<String> seen = new ArrayList<>();
		for (String path : paths) {
			for (String method : METHODS) {
				List<Http.Response> responses = List.of(
						this.http.request(method, path).basicAuth(user, passwordOf(user)).json(body).send(),
						this.http.request(method, path).basicAuth(ADMIN, ADMIN_PASSWORD).json(body).send(),
						this.http.request(method, path).bearer(raw).json(body).send(),
						this.http.request(method, path).basicAuth(user, raw).json(body).send(),
						this.http.request(method, path).bearer(raw).send());
				for (Http.Response response : responses) {
					assertErrors(response, 404, null);
					assertThat(response.header(EXPIRATION)).as(method + " " + path).isNull();
					assertThat(response.body()).as(method + " " + path).doesNotContain("\"token\"", "previousSecretValidUntil",
							"selfRotation");
				}
				seen.add(method + " " + path);
			}
		}
		assertThat(seen).hasSize(paths.size() * METHODS.size());

		// Nothing was renewed, rotated or changed: the token and its secret are as created.
		Http.Response stored = this.http.get(tokenPath).basicAuth(user, passwordOf(user)).send();
		assertThat(stored.status()).isEqualTo(200);
		assertThat(stored.json().get("expiryDate").asLong()).isEqualTo(token.get("expiryDate").asLong());
		assertThat(this.http.get(base + "/users/" + user).bearer(raw).send().status()).isEqualTo(200);
	}

	@Test
	void extensionPathWhenStrictThenAnsweredExactlyLikeAPathThatNeverExisted() {
		String user = createUser("strict-same");
		String raw = createToken(user).get("token").asString();

		Http.Response unknown = this.http.get("/rest/access-tokens/latest/no-such-resource").bearer(raw).send();
		Http.Response self = this.http.get("/rest/access-tokens/latest/self").bearer(raw).send();
		Http.Response settings = this.http.get("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();

		assertErrors(unknown, 404, null);
		assertThat(unknown.body()).contains("/rest/access-tokens/latest/no-such-resource");
		assertThat(self.status()).isEqualTo(404);
		assertThat(self.body()).isEqualTo(unknown.body().replace("no-such-resource", "self"));
		assertThat(settings.status()).isEqualTo(404);
		assertThat(settings.body()).isEqualTo(unknown.body().replace("no-such-resource", "admin/settings"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void createWhenStrictThenExactlyBitbucketsFieldsAndNoPreviousSecretValidUntil(String version) {
		String user = createUser("strict-create");
		Instant now = Instant.parse("2026-08-02T10:15:30.123Z");
		this.clock.setInstant(now);

		Http.Response response = this.http.put("/rest/access-tokens/" + version + "/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"deploy\",\"permissions\":[\"PROJECT_WRITE\",\"REPO_WRITE\"],\"expiryDays\":30}")
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		assertThat(response.header(EXPIRATION)).isNull();
		JsonNode token = response.json();
		assertThat(List.copyOf(token.propertyNames())).containsExactly("id", "createdDate", "expiryDays",
				"expiryDate", "name", "permissions", "user", "token");
		KbWorkflowIntegrationTests.assertTokenShape(token, user);
		assertThat(token.get("createdDate").asLong()).isEqualTo(now.toEpochMilli());
		assertThat(token.get("expiryDays").asInt()).isEqualTo(30);
		assertThat(token.get("expiryDate").asLong()).isEqualTo(now.plus(Duration.ofDays(30)).toEpochMilli());
		assertThat(token.get("name").asString()).isEqualTo("deploy");
		assertThat(token.get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_WRITE\"]");
		assertThat(TokenSecrets.parse(token.get("token").asString())).get()
			.extracting(TokenSecrets.PresentedToken::id)
			.isEqualTo(token.get("id").asString());
	}

	@Test
	void bitbucketEndpointsWhenStrictThenListGetUpdateAndDeleteBehaveAsBefore() {
		String user = createUser("strict-crud");
		Instant created = Instant.parse("2026-08-03T00:00:00Z");
		this.clock.setInstant(created);
		JsonNode first = createToken(user,
				"{\"name\":\"first\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_READ\"],\"expiryDays\":10}");
		this.clock.setInstant(created.plusSeconds(1));
		JsonNode second = createToken(user);
		String id = first.get("id").asString();
		String path = "/rest/access-tokens/latest/users/" + user + "/" + id;

		JsonNode page = this.http.get("/rest/access-tokens/1.0/users/" + user + "?limit=1")
			.basicAuth(user, passwordOf(user))
			.send()
			.json();
		assertThat(List.copyOf(page.propertyNames())).containsExactlyInAnyOrder("size", "limit", "isLastPage", "values",
				"start", "nextPageStart");
		assertThat(page.get("size").asInt()).isEqualTo(1);
		assertThat(page.get("isLastPage").asBoolean()).isFalse();
		assertThat(page.get("nextPageStart").asInt()).isEqualTo(1);
		assertThat(page.get("values").get(0).get("id").asString()).isEqualTo(id);
		assertThat(page.get("values").get(0).has("token")).isFalse();

		JsonNode got = this.http.get(path).basicAuth(user, passwordOf(user)).send().json();
		assertThat(List.copyOf(got.propertyNames())).containsExactly("id", "createdDate", "expiryDays", "expiryDate",
				"name", "permissions", "user");
		assertThat(got.get("expiryDate").asLong()).isEqualTo(created.plus(Duration.ofDays(10)).toEpochMilli());

		Http.Response updated = this.http.post(path)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"renamed\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}")
			.send();
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("renamed");
		assertThat(updated.json().get("permissions").toString()).isEqualTo("[\"REPO_READ\",\"PROJECT_READ\"]");
		assertThat(updated.json().get("expiryDays").asInt()).isEqualTo(10);
		assertErrors(this.http.post(path).basicAuth(user, passwordOf(user)).json("{\"expiryDays\":5}").send(), 400,
				"expiryDays");

		// A token reads but never changes tokens, as in Bitbucket.
		String raw = first.get("token").asString();
		assertThat(this.http.get(path).bearer(raw).send().status()).isEqualTo(200);
		assertErrors(this.http.post(path).bearer(raw).json("{\"name\":\"x\"}").send(), 401, null);
		assertErrors(this.http.delete(path).bearer(raw).send(), 401, null);

		Http.Response deleted = this.http.delete(path).basicAuth(user, passwordOf(user)).send();
		assertThat(deleted.status()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertErrors(this.http.get(path).basicAuth(user, passwordOf(user)).send(), 404, null);
		assertErrors(this.http.get(path).bearer(raw).send(), 401, null);

		JsonNode remaining = this.http.get("/rest/access-tokens/latest/users/" + user)
			.basicAuth(user, passwordOf(user))
			.send()
			.json();
		assertThat(remaining.get("size").asInt()).isEqualTo(1);
		assertThat(remaining.get("isLastPage").asBoolean()).isTrue();
		assertThat(remaining.has("nextPageStart")).isFalse();
		assertThat(remaining.get("values").get(0).get("id").asString()).isEqualTo(second.get("id").asString());
	}

	@Test
	void tokenRequestWhenStrictThenNoExpirationHeaderOnAnyResponse() {
		String user = createUser("strict-header");
		Instant created = Instant.parse("2026-08-04T00:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":3}");
		String raw = token.get("token").asString();
		String tokens = "/rest/access-tokens/1.0/users/" + user;

		List<Http.Response> responses = List.of(this.http.get(tokens).bearer(raw).send(),
				this.http.get(tokens).basicAuth(user, raw).send(),
				this.http.get(tokens + "/" + token.get("id").asString()).bearer(raw).send(),
				this.http.get(tokens + "/000000000000").bearer(raw).send(),
				this.http.put(tokens).bearer(raw).json("{\"name\":\"x\",\"permissions\":[\"REPO_READ\"]}").send());

		assertThat(responses).extracting(Http.Response::status).containsExactly(200, 200, 200, 404, 401);
		assertThat(responses).allSatisfy(response -> assertThat(response.header(EXPIRATION)).as(response.toString())
			.isNull());
		// The token still expires as in Bitbucket; only the header is gone.
		this.clock.setInstant(created.plus(Duration.ofDays(3)));
		assertErrors(this.http.get(tokens).bearer(raw).send(), 401, null);
	}

}
