package dev.tokenkeeper.server.support.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API response, success or error, tells browsers not to sniff its type and not to frame
 * it; a response that carries a raw secret (create, rotate, self-rotate) must not be stored by
 * any cache.
 */
class SecurityHeadersIntegrationTests extends IntegrationTestSupport {

	@LocalServerPort
	private int port;

	@Test
	void respondWhenAnyApiRequestIsAnsweredThenNosniffAndFrameOptionsAreSet() {
		String user = createUser("headers");
		String tokens = "/rest/access-tokens/1.0/users/" + user;
		JsonNode token = createToken(user);
		String id = token.get("id").asString();
		String admin = Http.basic(ADMIN, ADMIN_PASSWORD);
		String password = Http.basic(user, passwordOf(user));
		List<Http.Request> requests = List.of(this.http.get(tokens).auth(password),
				this.http.get(tokens + "/" + id).auth(password),
				this.http.post(tokens + "/" + id).auth(password).json("{\"name\":\"renamed\"}"),
				this.http.post(tokens + "/" + id + "/renew").auth(password),
				this.http.get("/rest/access-tokens/latest/self").bearer(token.get("token").asString()),
				this.http.get("/rest/access-tokens/latest/admin/settings").auth(admin),
				this.http.get("/rest/api/1.0/users").auth(password), this.http.get("/rest/api/1.0/users/" + user).auth(admin),
				this.http.get("/rest/api/1.0/admin/users").auth(admin),
				this.http.get("/rest/api/1.0/admin/permissions/users").auth(admin),
				this.http.get("/rest/api/1.0/admin/groups").auth(admin), this.http.get("/rest/api/1.0/projects").auth(admin),
				this.http.get("/rest/tokenkeeper/1.0/authorize?project=NOPE&permission=PROJECT_READ").auth(admin),
				this.http.get(tokens + "/000000000000").auth(password), this.http.get(tokens + "?limit=0").auth(password),
				this.http.put(tokens).auth(password).json("{\"name\":"),
				this.http.put(tokens).auth(password).header("Content-Type", "text/plain").body("x"),
				this.http.request("PATCH", tokens).auth(password), this.http.get("/rest/no-such-api").auth(password),
				this.http.get(tokens), this.http.put(tokens).auth(password).json(" ".repeat(70_000)),
				this.http.delete(tokens + "/" + id).auth(password));
		for (Http.Request request : requests) {
			Http.Response response = request.send();
			assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).as(response.toString()).isEqualTo("DENY");
		}
	}

	@Test
	void respondWhenTomcatRefusesTheRequestItselfThenNosniffAndFrameOptionsAreSet() {
		RawHttp raw = new RawHttp(this.port);
		for (String target : List.of("/rest/api/1.0/users/%zz", "/rest/api/1.0/users/a%2Fb", "/rest/api/1.0/users/..;")) {
			RawHttp.Answer answer = raw.send(RawHttp.request("GET " + target + " HTTP/1.1",
					List.of("Host: 127.0.0.1", "Connection: close"), null));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
			assertThat(answer.header("X-Content-Type-Options")).as(answer.toString()).isEqualTo("nosniff");
			assertThat(answer.header("X-Frame-Options")).as(answer.toString()).isEqualTo("DENY");
		}
	}

	@Test
	void createOrRotateWhenTheResponseHoldsASecretThenCacheControlIsNoStore() {
		String user = createUser("headers");
		String tokens = "/rest/access-tokens/1.0/users/" + user;
		String password = Http.basic(user, passwordOf(user));
		Http.Response created = this.http.put(tokens)
			.auth(password)
			.json("{\"name\":\"cached?\",\"permissions\":[\"REPO_READ\"]}")
			.send();
		assertThat(created.status()).isEqualTo(200);
		assertNoStore(created);
		String id = created.json().get("id").asString();
		Http.Response rotated = this.http.post(tokens + "/" + id + "/rotate").auth(password).send();
		assertThat(rotated.status()).isEqualTo(200);
		assertNoStore(rotated);
		Http.Response selfRotated = this.http.post("/rest/access-tokens/latest/self/rotate")
			.bearer(rotated.json().get("token").asString())
			.send();
		assertThat(selfRotated.status()).as(selfRotated.toString()).isEqualTo(200);
		assertNoStore(selfRotated);
	}

	private static void assertNoStore(Http.Response response) {
		assertThat(response.headers().allValues("Cache-Control")).as(response.toString())
			.anySatisfy(value -> assertThat(value).contains("no-store"));
		assertThat(response.json().get("token").asString()).startsWith("BBDC-");
	}

}
