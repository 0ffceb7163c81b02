package dev.tokenkeeper.server.permission.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.ProjectFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /rest/tokenkeeper/1.0/authorize} for gateways: 204 with the user's slug (and the
 * token's id) when the caller's own credentials hold the permission; 401 when the credentials
 * fail (bad, expired, deleted or unlicensed owner); 403 with the errors envelope when they are
 * valid but not enough, also for a project or repository that does not exist; 400 for bad
 * parameters.
 */
class AuthorizeIntegrationTests extends IntegrationTestSupport {

	private static final String PATH = "/rest/tokenkeeper/1.0/authorize";

	private static final Instant T0 = Instant.parse("2026-06-01T12:00:00Z");

	private static final String FORBIDDEN_MESSAGE = "The credentials do not hold this permission.";

	private ProjectFixtures fixtures;

	private String owner;

	private String key;

	private String slug;

	@BeforeEach
	void createProject() {
		this.fixtures = new ProjectFixtures(this.http);
		this.owner = createUser("authz");
		this.key = this.fixtures.createProject(this.owner);
		this.slug = this.fixtures.createRepo(this.owner, this.key, "guarded");
	}

	@Test
	void authorizeWhenPersonalTokenHoldsThePermissionThen204WithUserAndTokenHeaders() {
		String user = createUser("Mixed.Case");
		this.fixtures.grantProject(this.owner, this.key, user, "PROJECT_WRITE");
		JsonNode token = createToken(user, "{\"name\":\"gw\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"]}");

		Http.Response response = this.http
			.get(PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_WRITE")
			.bearer(token.get("token").asString())
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(response.header("X-Tokenkeeper-User")).isEqualTo(user.toLowerCase());
		assertThat(response.header("X-Tokenkeeper-User")).isNotEqualTo(user);
		assertThat(response.header("X-Tokenkeeper-Token-Id")).isEqualTo(token.get("id").asString());
		Http.Response basic = this.http
			.get(PATH + "?project=" + this.key.toLowerCase() + "&repository=" + this.slug.toUpperCase()
					+ "&permission=REPO_READ")
			.basicAuth(user, token.get("token").asString())
			.send();
		assertThat(basic.status()).as(basic.toString()).isEqualTo(204);
		assertThat(basic.header("X-Tokenkeeper-Token-Id")).isEqualTo(token.get("id").asString());
	}

	@Test
	void authorizeWhenPasswordHoldsThePermissionThen204WithoutATokenHeader() {
		Http.Response response = this.http.get(PATH + "?project=" + this.key + "&permission=PROJECT_ADMIN")
			.basicAuth(this.owner, passwordOf(this.owner))
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(response.header("X-Tokenkeeper-User")).isEqualTo(this.owner);
		assertThat(response.header("X-Tokenkeeper-Token-Id")).isNull();
		assertThat(response.headers().map()).doesNotContainKey("x-tokenkeeper-token-id");
	}

	@Test
	void authorizeWhenProjectTokenThen204AsItsServiceUser() {
		JsonNode token = this.fixtures.createProjectToken(this.owner, this.key,
				"{\"name\":\"gw\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}");
		String id = token.get("id").asString();

		Http.Response response = this.http
			.get(PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_READ")
			.bearer(token.get("token").asString())
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(response.header("X-Tokenkeeper-User")).isEqualTo("token-" + id);
		assertThat(response.header("X-Tokenkeeper-Token-Id")).isEqualTo(id);
	}

	@Test
	void authorizeWhenCredentialsAreValidButNotEnoughThen403WithTheErrorsEnvelope() {
		String user = createUser("weak");
		this.fixtures.grantRepo(this.owner, this.key, this.slug, user, "REPO_ADMIN");
		String readOnly = createToken(user).get("token").asString();

		Http.Response byToken = this.http
			.get(PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_WRITE")
			.bearer(readOnly)
			.send();
		Http.Response byPassword = this.http.get(PATH + "?project=" + this.key + "&permission=PROJECT_READ")
			.basicAuth(user, passwordOf(user))
			.send();

		for (Http.Response response : List.of(byToken, byPassword)) {
			assertErrors(response, 403, null);
			JsonNode error = response.json().get("errors").get(0);
			assertThat(error.get("message").asString()).isEqualTo(FORBIDDEN_MESSAGE);
			assertThat(error.get("exceptionName").isNull()).isTrue();
			assertThat(response.header("X-Tokenkeeper-User")).isNull();
			assertThat(response.header("X-Tokenkeeper-Token-Id")).isNull();
		}
		assertThat(this.http
			.get(PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_ADMIN")
			.basicAuth(user, passwordOf(user))
			.send()
			.status()).isEqualTo(204);
	}

	@Test
	void authorizeWhenProjectOrRepositoryDoesNotExistThen403LikeNotEnough() {
		String user = createUser("prober");
		Http.Response notEnough = this.http.get(PATH + "?project=" + this.key + "&permission=PROJECT_READ")
			.basicAuth(user, passwordOf(user))
			.send();

		Http.Response unknownProject = this.http.get(PATH + "?project=NO_SUCH_" + this.key + "&permission=PROJECT_READ")
			.basicAuth(user, passwordOf(user))
			.send();
		Http.Response unknownProjectsRepo = this.http
			.get(PATH + "?project=NO_SUCH_" + this.key + "&repository=" + this.slug + "&permission=REPO_READ")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();
		Http.Response unknownRepo = this.http
			.get(PATH + "?project=" + this.key + "&repository=no-such-repo&permission=REPO_READ")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();

		assertErrors(notEnough, 403, null);
		for (Http.Response response : List.of(unknownProject, unknownProjectsRepo, unknownRepo)) {
			assertErrors(response, 403, null);
			assertThat(response.body()).isEqualTo(notEnough.body());
		}
	}

	@Test
	void authorizeWhenTokenIsUnknownMalformedOrMissingThen401() {
		JsonNode token = createToken(this.owner, "{\"name\":\"t\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}");
		String secret = token.get("token").asString();
		String tampered = secret.substring(0, secret.length() - 2) + (secret.endsWith("AA") ? "BB" : "AA");
		String query = PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_READ";

		for (String auth : new String[] { Http.bearer(tampered), Http.bearer("not-a-token"),
				Http.basic(this.owner, "wrong-password"), Http.basic(this.owner, tampered) }) {
			Http.Response response = this.http.get(query).auth(auth).send();
			assertErrors(response, 401, null);
			assertThat(response.header("X-Tokenkeeper-User")).isNull();
		}
		Http.Response anonymous = this.http.get(query).send();
		assertErrors(anonymous, 401, null);
		assertThat(anonymous.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tokenkeeper\"");
		assertThat(this.http.get(query).bearer(secret).send().status()).isEqualTo(204);
	}

	@Test
	void authorizeWhenTokenHasExpiredThen401AndJustBeforeThen204() {
		this.clock.setInstant(T0);
		String secret = createToken(this.owner,
				"{\"name\":\"short\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1}")
			.get("token")
			.asString();
		String query = PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_READ";

		this.clock.setInstant(T0.plus(Duration.ofDays(1)).minusMillis(1));
		Http.Response before = this.http.get(query).bearer(secret).send();
		assertThat(before.status()).isEqualTo(204);
		assertThat(before.header("X-Token-Expiration")).isEqualTo(T0.plus(Duration.ofDays(1)).toString());

		this.clock.setInstant(T0.plus(Duration.ofDays(1)));
		assertErrors(this.http.get(query).bearer(secret).send(), 401, null);
	}

	@Test
	void authorizeWhenTheTokensOwnerWasDeletedThen401() {
		String user = createUser("leaver");
		this.fixtures.grantProject(this.owner, this.key, user, "PROJECT_READ");
		String secret = createToken(user).get("token").asString();
		String query = PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_READ";
		assertThat(this.http.get(query).bearer(secret).send().status()).isEqualTo(204);

		assertThat(this.http.delete("/rest/api/1.0/admin/users?name=" + user)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(200);

		assertErrors(this.http.get(query).bearer(secret).send(), 401, null);
		assertErrors(this.http.get(query).basicAuth(user, secret).send(), 401, null);
		assertErrors(this.http.get(query).basicAuth(user, passwordOf(user)).send(), 401, null);
	}

	@Test
	void authorizeWhenTheOwnersLicenceWasRevokedThen401AndWhenRestoredThen204() {
		String user = createUser("unlicensed");
		this.fixtures.grantProject(this.owner, this.key, user, "PROJECT_READ");
		String secret = createToken(user).get("token").asString();
		String query = PATH + "?project=" + this.key + "&repository=" + this.slug + "&permission=REPO_READ";
		assertThat(this.http.get(query).bearer(secret).send().status()).isEqualTo(204);

		assertThat(this.http.delete("/rest/api/1.0/admin/permissions/users?name=" + user)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);

		assertErrors(this.http.get(query).bearer(secret).send(), 401, null);
		assertErrors(this.http.get(query).basicAuth(user, passwordOf(user)).send(), 401, null);

		this.fixtures.setGlobal(user, "LICENSED_USER");
		assertThat(this.http.get(query).bearer(secret).send().status()).isEqualTo(204);
	}

	@Test
	void authorizeWhenTheTokenWasDeletedThen401() {
		JsonNode token = createToken(this.owner);
		String query = PATH + "?project=" + this.key + "&permission=PROJECT_READ";
		assertThat(this.http.get(query).bearer(token.get("token").asString()).send().status()).isEqualTo(204);

		assertThat(this.http.delete("/rest/access-tokens/1.0/users/" + this.owner + "/" + token.get("id").asString())
			.basicAuth(this.owner, passwordOf(this.owner))
			.send()
			.status()).isEqualTo(204);

		assertErrors(this.http.get(query).bearer(token.get("token").asString()).send(), 401, null);
	}

	@Test
	void authorizeWhenParametersAreMissingOrDoNotFitThen400WithContext() {
		String auth = Http.basic(this.owner, passwordOf(this.owner));
		String repo = "&repository=" + this.slug;

		assertErrors(this.http.get(PATH + "?project=" + this.key).auth(auth).send(), 400, "permission");
		assertErrors(this.http.get(PATH + "?project=" + this.key + "&permission=READ").auth(auth).send(), 400,
				"permission");
		assertErrors(this.http.get(PATH + "?project=" + this.key + "&permission=repo_read" + repo).auth(auth).send(),
				400, "permission");
		assertErrors(this.http.get(PATH + "?project=" + this.key + "&permission=ADMIN").auth(auth).send(), 400,
				"permission");
		assertErrors(this.http.get(PATH + "?project=" + this.key + "&permission=REPO_READ").auth(auth).send(), 400,
				"permission");
		assertErrors(this.http.get(PATH + "?project=" + this.key + "&permission=PROJECT_READ" + repo).auth(auth).send(),
				400, "permission");
		assertErrors(this.http.get(PATH + "?permission=PROJECT_READ").auth(auth).send(), 400, "project");
		assertErrors(this.http.get(PATH + "?project=&permission=PROJECT_READ").auth(auth).send(), 400, "project");
		assertErrors(this.http.get(PATH + "?permission=REPO_READ" + repo).auth(auth).send(), 400, "project");
	}

	@Test
	void authorizeWhenTheResourceIsPublicThenAnyLicensedUserReadsButDoesNotWrite() {
		String publicKey = this.fixtures.createProject(this.owner, true);
		String publicSlug = this.fixtures.createRepo(this.owner, publicKey, "open");
		String user = createUser("visitor");
		String auth = Http.basic(user, passwordOf(user));

		assertThat(this.http.get(PATH + "?project=" + publicKey + "&repository=" + publicSlug + "&permission=REPO_READ")
			.auth(auth)
			.send()
			.status()).isEqualTo(204);
		assertThat(this.http.get(PATH + "?project=" + publicKey + "&permission=PROJECT_READ").auth(auth).send().status())
			.isEqualTo(204);
		assertErrors(this.http
			.get(PATH + "?project=" + publicKey + "&repository=" + publicSlug + "&permission=REPO_WRITE")
			.auth(auth)
			.send(), 403, null);
	}

}
