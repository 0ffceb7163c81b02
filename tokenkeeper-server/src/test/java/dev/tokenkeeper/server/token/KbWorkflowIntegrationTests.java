package dev.tokenkeeper.server.token;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays the three curl calls of Atlassian's "How to renew personal access tokens via REST
 * APIs" article exactly as written (method, headers, body; {@code -u <username>} prompts for the
 * password, so Basic user:password), and checks the responses against Bitbucket's JSON shapes.
 */
class KbWorkflowIntegrationTests extends IntegrationTestSupport {

	@Test
	void fetchDeleteAndRecreateWhenFollowingTheKbThenEveryResponseHasBitbucketsShape() {
		String user = createUser("john.doe");
		String first = createToken(user,
				"{\"name\": \"access token name\",\"permissions\": [ \"REPO_ADMIN\",\"PROJECT_READ\"]}")
			.get("id")
			.asString();
		createToken(user, "{\"name\": \"token\",\"permissions\": [ \"REPO_READ\",\"PROJECT_READ\"]}");

		// curl -k -u <username> -H 'Content-Type: application/json' -H 'Accept: application/json'
		// <base_URL>/rest/access-tokens/1.0/users/<username>
		Http.Response list = kbRequest("GET", "/rest/access-tokens/1.0/users/" + user, user, null);
		assertThat(list.status()).isEqualTo(200);
		JsonNode page = list.json();
		assertThat(List.copyOf(page.propertyNames())).containsExactly("size", "limit", "isLastPage", "values",
				"start");
		assertThat(page.get("size").asInt()).isEqualTo(2);
		assertThat(page.get("limit").asInt()).isEqualTo(25);
		assertThat(page.get("isLastPage").asBoolean()).isTrue();
		assertThat(page.get("start").asInt()).isZero();
		JsonNode token = page.get("values").get(0);
		assertTokenShape(token, user);
		assertThat(token.get("id").asString()).isEqualTo(first);
		assertThat(token.get("name").asString()).isEqualTo("access token name");
		assertThat(token.get("permissions").toString()).isEqualTo("[\"REPO_ADMIN\",\"PROJECT_READ\"]");

		// curl -k -u <username> -X DELETE -H 'Content-Type: application/json' -H 'Accept: application/json'
		// <base_URL>/rest/access-tokens/1.0/users/<username>/<tokenID>
		Http.Response delete = kbRequest("DELETE", "/rest/access-tokens/1.0/users/" + user + "/" + first, user,
				null);
		assertThat(delete.status()).isEqualTo(204);
		assertThat(delete.body()).isEmpty();

		// curl -k -u <username> -X PUT -d '{"name": "access token name","permissions": [
		// "REPO_ADMIN","PROJECT_READ"]}' -H 'Content-Type: application/json' -H 'Accept: application/json'
		// <base_URL>/rest/access-tokens/1.0/users/<username>
		Http.Response create = kbRequest("PUT", "/rest/access-tokens/1.0/users/" + user, user,
				"{\"name\": \"access token name\",\"permissions\": [ \"REPO_ADMIN\",\"PROJECT_READ\"]}");
		assertThat(create.status()).isEqualTo(200);
		JsonNode created = create.json();
		assertTokenShape(created, user);
		assertThat(created.get("token").asString()).matches("BBDC-[A-Za-z0-9+/]{44}");
		assertThat(created.get("id").asString()).isNotEqualTo(first);

		Http.Response after = kbRequest("GET", "/rest/access-tokens/1.0/users/" + user, user, null);
		assertThat(after.json().get("size").asInt()).isEqualTo(2);
		assertThat(after.body()).doesNotContain(first).doesNotContain(created.get("token").asString());
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user)
			.bearer(created.get("token").asString())
			.send()
			.status()).isEqualTo(200);
	}

	private Http.Response kbRequest(String method, String path, String user, String body) {
		Http.Request request = this.http.request(method, path)
			.basicAuth(user, passwordOf(user))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json");
		return (body == null ? request : request.body(body)).send();
	}

	static void assertTokenShape(JsonNode token, String user) {
		assertThat(token.get("id").isString()).isTrue();
		assertThat(token.get("id").asString()).matches("\\d{12}");
		assertThat(token.get("createdDate").isIntegralNumber()).isTrue();
		assertThat(token.get("name").isString()).isTrue();
		assertThat(token.get("permissions").isArray()).isTrue();
		JsonNode owner = token.get("user");
		assertThat(List.copyOf(owner.propertyNames())).containsExactly("name", "emailAddress", "id", "displayName",
				"active", "slug", "type", "links");
		assertThat(owner.get("name").asString()).isEqualTo(user);
		assertThat(owner.get("slug").asString()).isEqualTo(user);
		assertThat(owner.get("id").isIntegralNumber()).isTrue();
		assertThat(owner.get("active").asBoolean()).isTrue();
		assertThat(owner.get("type").asString()).isEqualTo("NORMAL");
		assertThat(owner.get("links").get("self").get(0).get("href").asString())
			.isEqualTo("http://localhost:7990/users/" + user);
	}

}
