package dev.tokenkeeper.server.token;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what with a user's tokens: the owner by password (everything), the owner by token
 * (read only), another user (nothing), an administrator (everything but create; not by token),
 * and anonymous callers (nothing). Refusals are 401, as in Bitbucket.
 */
class TokenPermissionRulesIntegrationTests extends IntegrationTestSupport {

	private static final String BODY = "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"]}";

	private String owner;

	private String ownerToken;

	private String tokenId;

	private String stranger;

	private String admin;

	private String adminToken;

	@BeforeEach
	void createPeople() {
		this.owner = createUser("owner");
		JsonNode created = createToken(this.owner);
		this.ownerToken = created.get("token").asString();
		this.tokenId = created.get("id").asString();
		this.stranger = createUser("stranger");
		this.admin = createUser("helpdesk");
		assertThat(this.http.put("/rest/api/1.0/admin/permissions/users?name=" + this.admin + "&permission=ADMIN")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
		this.adminToken = createToken(this.admin, "{\"name\":\"a\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}")
			.get("token")
			.asString();
	}

	@Test
	void ownerWhenAuthenticatedByPasswordThenMayDoEverything() {
		String password = Http.basic(this.owner, passwordOf(this.owner));
		assertThat(list(password)).isEqualTo(200);
		assertThat(get(password)).isEqualTo(200);
		assertThat(create(password)).isEqualTo(200);
		assertThat(update(password)).isEqualTo(200);
		assertThat(delete(password)).isEqualTo(204);
	}

	@Test
	void ownerWhenAuthenticatedByTokenThenMayReadButNotChangeTokens() {
		for (String auth : new String[] { Http.bearer(this.ownerToken), Http.basic(this.owner, this.ownerToken) }) {
			assertThat(list(auth)).isEqualTo(200);
			assertThat(get(auth)).isEqualTo(200);
			assertThat(create(auth)).isEqualTo(401);
			assertThat(update(auth)).isEqualTo(401);
			assertThat(delete(auth)).isEqualTo(401);
		}
		assertThat(get(Http.basic(this.owner, passwordOf(this.owner)))).isEqualTo(200);
	}

	@Test
	void anotherUserWhenAddressingSomeoneElsesTokensThenUnauthorized() {
		String auth = Http.basic(this.stranger, passwordOf(this.stranger));
		assertThat(list(auth)).isEqualTo(401);
		assertThat(get(auth)).isEqualTo(401);
		assertThat(create(auth)).isEqualTo(401);
		assertThat(update(auth)).isEqualTo(401);
		assertThat(delete(auth)).isEqualTo(401);
	}

	@Test
	void adminWhenAuthenticatedByPasswordThenMayDoEverythingButCreate() {
		String auth = Http.basic(this.admin, passwordOf(this.admin));
		assertThat(list(auth)).isEqualTo(200);
		assertThat(get(auth)).isEqualTo(200);
		assertThat(create(auth)).isEqualTo(401);
		assertThat(update(auth)).isEqualTo(200);
		assertThat(delete(auth)).isEqualTo(204);
	}

	@Test
	void adminWhenTokensBelongToASystemAdministratorThenMayReadButNotChangeThem() {
		Http.Response created = this.http.put("/rest/access-tokens/1.0/users/" + ADMIN)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json(BODY)
			.send();
		assertThat(created.status()).isEqualTo(200);
		String path = "/rest/access-tokens/1.0/users/" + ADMIN + "/" + created.json().get("id").asString();
		String auth = Http.basic(this.admin, passwordOf(this.admin));
		assertThat(this.http.get(path).auth(auth).send().status()).isEqualTo(200);
		assertThat(this.http.post(path).auth(auth).json("{\"name\":\"x\"}").send().status()).isEqualTo(401);
		assertThat(this.http.delete(path).auth(auth).send().status()).isEqualTo(401);
		assertThat(this.http.delete(path).basicAuth(ADMIN, ADMIN_PASSWORD).send().status()).isEqualTo(204);
	}

	@Test
	void adminWhenAuthenticatedByTokenThenHasNoAdministratorRights() {
		String auth = Http.bearer(this.adminToken);
		assertThat(list(auth)).isEqualTo(401);
		assertThat(get(auth)).isEqualTo(401);
		assertThat(update(auth)).isEqualTo(401);
		assertThat(delete(auth)).isEqualTo(401);
	}

	@Test
	void anonymousWhenCallingAnyEndpointThenUnauthorizedWithBasicChallenge() {
		String base = "/rest/access-tokens/1.0/users/" + this.owner;
		for (Http.Response response : new Http.Response[] { this.http.get(base).send(),
				this.http.get(base + "/" + this.tokenId).send(), this.http.put(base).json(BODY).send(),
				this.http.post(base + "/" + this.tokenId).json(BODY).send(),
				this.http.delete(base + "/" + this.tokenId).send() }) {
			assertErrors(response, 401, null);
			assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tokenkeeper\"");
		}
	}

	@Test
	void refusalWhenNotPermittedThenAuthorisationExceptionAndTheTokenIsUnchanged() {
		Http.Response response = this.http.post("/rest/access-tokens/1.0/users/" + this.owner + "/" + this.tokenId)
			.bearer(this.ownerToken)
			.json("{\"name\":\"hijacked\"}")
			.send();
		assertErrors(response, 401, null);
		assertThat(response.json().get("errors").get(0).get("exceptionName").asString())
			.endsWith(".AuthorisationException");
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + this.owner + "/" + this.tokenId)
			.basicAuth(this.owner, passwordOf(this.owner))
			.send()
			.json()
			.get("name")
			.asString()).isEqualTo("token");
	}

	private int list(String auth) {
		return this.http.get("/rest/access-tokens/1.0/users/" + this.owner).auth(auth).send().status();
	}

	private int get(String auth) {
		return this.http.get("/rest/access-tokens/1.0/users/" + this.owner + "/" + this.tokenId).auth(auth).send().status();
	}

	private int create(String auth) {
		return this.http.put("/rest/access-tokens/1.0/users/" + this.owner).auth(auth).json(BODY).send().status();
	}

	private int update(String auth) {
		return this.http.post("/rest/access-tokens/1.0/users/" + this.owner + "/" + this.tokenId)
			.auth(auth)
			.json("{\"name\":\"renamed\"}")
			.send()
			.status();
	}

	private int delete(String auth) {
		return this.http.delete("/rest/access-tokens/1.0/users/" + this.owner + "/" + this.tokenId).auth(auth).send().status();
	}

}
