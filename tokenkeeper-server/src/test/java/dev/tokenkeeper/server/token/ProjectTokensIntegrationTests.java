package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.ProjectFixtures;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Project and repository tokens over real HTTP: the user tokens' object and rules under
 * {@code /projects/{key}} and {@code /projects/{key}/repos/{slug}} (both base paths), managed by
 * project (resp. repository) admins, Bearer only, reaching only their own project or repository;
 * renew and rotate under their owner paths; personal tokens narrowed the moment their owner loses
 * a grant; every permission pair checked through the authorize endpoint; and deletion of a
 * repository taking its tokens along.
 */
class ProjectTokensIntegrationTests extends IntegrationTestSupport {

	private static final String BASE_URL = "http://localhost:7990";

	private static final Instant T0 = Instant.parse("2026-05-04T09:00:00Z");

	private static final String ADMIN_PAIR = "{\"name\":\"admin\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}";

	private static final String READ_PAIR = "{\"name\":\"read\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}";

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	private ProjectFixtures fixtures;

	@BeforeEach
	void createFixtures() {
		this.fixtures = new ProjectFixtures(this.http);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void crudWhenProjectTokenByProjectAdminThenTheUserTokensObjectWithAServiceUser(String version) {
		String owner = createUser("ptadmin");
		String key = this.fixtures.createProject(owner);
		String base = "/rest/access-tokens/" + version + "/projects/" + key;
		assertCrud(owner, base);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void crudWhenRepositoryTokenByRepositoryAdminThenTheUserTokensObjectWithAServiceUser(String version) {
		String owner = createUser("rtowner");
		String repoAdmin = createUser("rtadmin");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "tokened");
		this.fixtures.grantRepo(owner, key, slug, repoAdmin, "REPO_ADMIN");
		String base = "/rest/access-tokens/" + version + "/projects/" + key + "/repos/" + slug;
		assertCrud(repoAdmin, base);
	}

	private void assertCrud(String admin, String base) {
		this.clock.setInstant(T0);
		String auth = Http.basic(admin, passwordOf(admin));

		Http.Response createdResponse = this.http.put(base)
			.auth(auth)
			.json("{\"name\":\"deploy key\",\"permissions\":[\"PROJECT_READ\",\"REPO_WRITE\"],\"expiryDays\":30}")
			.send();

		assertThat(createdResponse.status()).as(createdResponse.toString()).isEqualTo(200);
		assertThat(createdResponse.header("Cache-Control")).contains("no-store");
		JsonNode created = createdResponse.json();
		String id = created.get("id").asString();
		assertThat(created.get("id").isString()).isTrue();
		assertThat(id).matches("[0-9]{12}");
		assertThat(List.copyOf(created.propertyNames())).containsExactly("id", "createdDate", "expiryDays",
				"expiryDate", "name", "permissions", "user", "token");
		assertThat(created.get("createdDate").asLong()).isEqualTo(T0.toEpochMilli());
		assertThat(created.get("expiryDays").asInt()).isEqualTo(30);
		assertThat(created.get("expiryDate").asLong()).isEqualTo(T0.plus(Duration.ofDays(30)).toEpochMilli());
		assertThat(created.get("name").asString()).isEqualTo("deploy key");
		assertThat(permissions(created)).containsExactly("REPO_WRITE", "PROJECT_READ");
		assertThat(created.get("token").asString()).startsWith("BBDC-");
		JsonNode user = created.get("user");
		assertThat(List.copyOf(user.propertyNames())).containsExactly("name", "id", "displayName", "active", "slug",
				"type", "links");
		assertThat(user.get("name").asString()).isEqualTo("token-" + id);
		assertThat(user.get("slug").asString()).isEqualTo("token-" + id);
		assertThat(user.get("displayName").asString()).isEqualTo("deploy key");
		assertThat(user.get("active").asBoolean()).isTrue();
		assertThat(user.get("type").asString()).isEqualTo("SERVICE");
		assertThat(user.get("links").get("self").get(0).get("href").asString())
			.isEqualTo(BASE_URL + "/users/token-" + id);

		JsonNode list = this.http.get(base).auth(auth).send().json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("isLastPage").asBoolean()).isTrue();
		assertThat(list.get("values").get(0).get("id").asString()).isEqualTo(id);
		assertThat(list.get("values").get(0).has("token")).isFalse();
		Http.Response got = this.http.get(base + "/" + id).auth(auth).send();
		assertThat(got.status()).isEqualTo(200);
		assertThat(got.json().has("token")).isFalse();
		assertThat(got.json().get("user")).isEqualTo(user);

		this.clock.setInstant(T0.plusSeconds(60));
		assertThat(this.http.get("/rest/access-tokens/1.0/self").bearer(created.get("token").asString()).send().status())
			.isEqualTo(200);
		assertThat(this.http.get(base + "/" + id).auth(auth).send().json().get("lastAuthenticated").asLong())
			.isEqualTo(T0.plusSeconds(60).toEpochMilli());

		Http.Response updated = this.http.post(base + "/" + id)
			.auth(auth)
			.json("{\"name\":\"renamed\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_WRITE\"]}")
			.send();
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
		assertThat(updated.json().get("name").asString()).isEqualTo("renamed");
		assertThat(permissions(updated.json())).containsExactly("REPO_ADMIN", "PROJECT_WRITE");
		assertThat(updated.json().get("user").get("displayName").asString()).isEqualTo("renamed");
		assertThat(updated.json().get("user").get("name").asString()).isEqualTo("token-" + id);
		assertThat(updated.json().get("expiryDate").asLong()).isEqualTo(T0.plus(Duration.ofDays(30)).toEpochMilli());

		Http.Response deleted = this.http.delete(base + "/" + id).auth(auth).send();
		assertThat(deleted.status()).isEqualTo(204);
		Http.Response gone = this.http.get(base + "/" + id).auth(auth).send();
		assertErrors(gone, 404, null);
		assertThat(gone.json().get("errors").get(0).get("exceptionName").asString())
			.isEqualTo("dev.tokenkeeper.server.token.NoSuchAccessTokenException");
		assertErrors(this.http.get("/rest/access-tokens/1.0/self").bearer(created.get("token").asString()).send(),
				401, null);
		assertErrors(this.http.get("/rest/api/1.0/users/token-" + id).auth(auth).send(), 404, null);
		assertThat(this.http.get(base).auth(auth).send().json().get("size").asInt()).isZero();
	}

	@Test
	void createWhenBodyBreaksTheUserTokenRulesThen400WithTheSameContexts() {
		String owner = createUser("ptrules");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "rules");
		for (String base : new String[] { "/rest/access-tokens/1.0/projects/" + key,
				"/rest/access-tokens/latest/projects/" + key + "/repos/" + slug }) {
			assertErrors(put(owner, base, "{\"permissions\":[\"REPO_READ\"]}"), 400, "name");
			assertErrors(put(owner, base, "{\"name\":\" \",\"permissions\":[\"REPO_READ\"]}"), 400, "name");
			assertErrors(put(owner, base, "{\"name\":\"n\"}"), 400, "permissions");
			assertErrors(put(owner, base, "{\"name\":\"n\",\"permissions\":[\"ADMIN\"]}"), 400, "permissions");
			assertErrors(put(owner, base, "{\"name\":\"n\",\"permissions\":[\"REPO_READ\",\"PROJECT_WRITE\"]}"), 400,
					"permissions");
			assertErrors(put(owner, base, "{\"name\":\"n\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":0}"), 400,
					"expiryDays");
			String id = put(owner, base, READ_PAIR).json().get("id").asString();
			assertErrors(this.http.post(base + "/" + id)
				.basicAuth(owner, passwordOf(owner))
				.json("{\"expiryDays\":5}")
				.send(), 400, "expiryDays");
			assertThat(this.http.get(base).basicAuth(owner, passwordOf(owner)).send().json().get("size").asInt())
				.isEqualTo(1);
		}
	}

	@Test
	void projectTokensWhenCallerIsNotProjectAdminThen401AndAnAdminsTokenMayOnlyRead() {
		String owner = createUser("ptguard");
		String writer = createUser("ptwriter");
		String key = this.fixtures.createProject(owner);
		this.fixtures.grantProject(owner, key, writer, "PROJECT_WRITE");
		String base = "/rest/access-tokens/1.0/projects/" + key;
		JsonNode token = this.fixtures.createProjectToken(owner, key, READ_PAIR);
		String one = base + "/" + token.get("id").asString();
		String adminsToken = createToken(owner, ADMIN_PAIR).get("token").asString();
		String adminsReadToken = createToken(owner, "{\"name\":\"r\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_WRITE\"]}")
			.get("token")
			.asString();

		for (String auth : new String[] { Http.basic(writer, passwordOf(writer)), Http.bearer(adminsReadToken),
				Http.bearer(token.get("token").asString()) }) {
			assertErrors(this.http.get(base).auth(auth).send(), 401, null);
			assertErrors(this.http.get(one).auth(auth).send(), 401, null);
			assertErrors(this.http.put(base).auth(auth).json(READ_PAIR).send(), 401, null);
			assertErrors(this.http.post(one).auth(auth).json("{\"name\":\"x\"}").send(), 401, null);
			assertErrors(this.http.delete(one).auth(auth).send(), 401, null);
		}
		String auth = Http.bearer(adminsToken);
		assertThat(this.http.get(base).auth(auth).send().status()).isEqualTo(200);
		assertThat(this.http.get(one).auth(auth).send().status()).isEqualTo(200);
		assertErrors(this.http.put(base).auth(auth).json(READ_PAIR).send(), 401, null);
		assertErrors(this.http.post(one).auth(auth).json("{\"name\":\"x\"}").send(), 401, null);
		assertErrors(this.http.delete(one).auth(auth).send(), 401, null);
		JsonNode projectAdminToken = this.fixtures.createProjectToken(owner, key, ADMIN_PAIR);
		assertThat(this.http.get(base).bearer(projectAdminToken.get("token").asString()).send().json().get("size").asInt())
			.isEqualTo(2);
		assertErrors(this.http.put(base).bearer(projectAdminToken.get("token").asString()).json(READ_PAIR).send(), 401,
				null);
		assertThat(this.http.get(one).basicAuth(ADMIN, ADMIN_PASSWORD).send().status()).isEqualTo(200);
		assertThat(this.http.get(one).basicAuth(owner, passwordOf(owner)).send().json().get("name").asString())
			.isEqualTo("read");
	}

	@Test
	void repositoryTokensWhenManagedThenProjectAndRepositoryAdminsMayAndWritersMayNot() {
		String owner = createUser("rtguard");
		String projectAdmin = createUser("rtpadmin");
		String repoAdmin = createUser("rtradmin");
		String writer = createUser("rtwriter");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "guarded");
		String other = this.fixtures.createRepo(owner, key, "other");
		this.fixtures.grantProject(owner, key, projectAdmin, "PROJECT_ADMIN");
		this.fixtures.grantRepo(owner, key, slug, repoAdmin, "REPO_ADMIN");
		this.fixtures.grantRepo(owner, key, slug, writer, "REPO_WRITE");
		String base = "/rest/access-tokens/latest/projects/" + key + "/repos/" + slug;

		assertThat(put(projectAdmin, base, READ_PAIR).status()).isEqualTo(200);
		assertThat(put(repoAdmin, base, READ_PAIR).status()).isEqualTo(200);
		assertErrors(put(writer, base, READ_PAIR), 401, null);
		assertErrors(this.http.get(base).basicAuth(writer, passwordOf(writer)).send(), 401, null);
		assertErrors(put(repoAdmin, "/rest/access-tokens/latest/projects/" + key + "/repos/" + other, READ_PAIR), 401,
				null);
		assertErrors(put(repoAdmin, "/rest/access-tokens/latest/projects/" + key, READ_PAIR), 401, null);
		assertThat(this.http.get(base).basicAuth(repoAdmin, passwordOf(repoAdmin)).send().json().get("size").asInt())
			.isEqualTo(2);
		assertErrors(put(owner, "/rest/access-tokens/1.0/projects/" + key + "/repos/no-such-repo", READ_PAIR), 404,
				null);
		assertErrors(put(owner, "/rest/access-tokens/1.0/projects/NO_SUCH_" + key, READ_PAIR), 404, null);
	}

	@Test
	void tokenPathWhenTheTokenBelongsToAnotherOwnerThen404() {
		String owner = createUser("ptowners");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "first");
		String sibling = this.fixtures.createRepo(owner, key, "second");
		String projectTokenId = this.fixtures.createProjectToken(owner, key, READ_PAIR).get("id").asString();
		String repoTokenId = this.fixtures.createRepoToken(owner, key, slug, READ_PAIR).get("id").asString();
		String personalId = createToken(owner).get("id").asString();
		String project = "/rest/access-tokens/1.0/projects/" + key;

		assertErrors(get(owner, project + "/" + repoTokenId), 404, null);
		assertErrors(get(owner, project + "/" + personalId), 404, null);
		assertErrors(get(owner, project + "/repos/" + slug + "/" + projectTokenId), 404, null);
		assertErrors(get(owner, project + "/repos/" + sibling + "/" + repoTokenId), 404, null);
		assertErrors(get(owner, "/rest/access-tokens/1.0/users/" + owner + "/" + projectTokenId), 404, null);
		assertErrors(this.http.delete(project + "/repos/" + sibling + "/" + repoTokenId)
			.basicAuth(owner, passwordOf(owner))
			.send(), 404, null);
		assertThat(get(owner, project + "/repos/" + slug + "/" + repoTokenId).status()).isEqualTo(200);
	}

	@Test
	void authenticateWhenProjectOrRepositoryTokenIsSentAsBasicThen401AndAsBearerThen200() {
		String owner = createUser("bearer");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "bearer-only");
		JsonNode projectToken = this.fixtures.createProjectToken(owner, key, READ_PAIR);
		JsonNode repoToken = this.fixtures.createRepoToken(owner, key, slug, READ_PAIR);

		for (JsonNode token : new JsonNode[] { projectToken, repoToken }) {
			String secret = token.get("token").asString();
			String serviceUser = token.get("user").get("name").asString();
			assertThat(this.fixtures.readRepo(Http.bearer(secret), key, slug)).isEqualTo(200);
			for (String basic : new String[] { Http.basic(serviceUser, secret), Http.basic(owner, secret),
					Http.basic(ADMIN, secret) }) {
				Http.Response response = this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug)
					.auth(basic)
					.send();
				assertErrors(response, 401, null);
				assertThat(response.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tokenkeeper\"");
			}
		}
	}

	@Test
	void repositoryTokenWhenReadingAnotherRepositoryThen401EvenIfPublic() {
		String owner = createUser("rtscope");
		String key = this.fixtures.createProject(owner);
		String mine = this.fixtures.createRepo(owner, key, "mine");
		String sibling = this.fixtures.createRepo(owner, key, "sibling");
		String openSibling = this.fixtures.createRepo(owner, key, "open-sibling", true);
		String otherKey = this.fixtures.createProject(owner, true);
		String elsewhere = this.fixtures.createRepo(owner, otherKey, "elsewhere");
		String secret = this.fixtures.createRepoToken(owner, key, mine, ADMIN_PAIR).get("token").asString();
		String auth = Http.bearer(secret);

		assertThat(this.fixtures.readRepo(auth, key, mine)).isEqualTo(200);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + sibling).auth(auth).send(), 401, null);
		assertThat(this.fixtures.readRepo(auth, key, openSibling)).isEqualTo(401);
		assertThat(this.fixtures.readRepo(auth, otherKey, elsewhere)).isEqualTo(401);
		assertThat(this.http.get("/rest/api/1.0/projects/" + otherKey).auth(auth).send().status()).isEqualTo(401);
		JsonNode list = this.http.get("/rest/api/1.0/projects/" + key + "/repos").auth(auth).send().json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("values").get(0).get("slug").asString()).isEqualTo(mine);
		// REPO_ADMIN reaches its repository's tokens, not the project's
		assertThat(this.http.get("/rest/access-tokens/1.0/projects/" + key + "/repos/" + mine).auth(auth).send().status())
			.isEqualTo(200);
		assertErrors(this.http.get("/rest/access-tokens/1.0/projects/" + key).auth(auth).send(), 401, null);
		assertErrors(this.http.get("/rest/access-tokens/1.0/projects/" + key + "/repos/" + sibling).auth(auth).send(),
				401, null);
	}

	@Test
	void projectTokenWhenReadingAnotherProjectThen401EvenIfPublicAndItsOwnRepositoriesThen200() {
		String owner = createUser("ptscope");
		String key = this.fixtures.createProject(owner);
		String first = this.fixtures.createRepo(owner, key, "first");
		String second = this.fixtures.createRepo(owner, key, "second");
		String otherKey = this.fixtures.createProject(owner);
		String elsewhere = this.fixtures.createRepo(owner, otherKey, "elsewhere");
		String publicKey = this.fixtures.createProject(owner, true);
		String open = this.fixtures.createRepo(owner, publicKey, "open");
		String secret = this.fixtures.createProjectToken(owner, key, ADMIN_PAIR).get("token").asString();
		String auth = Http.bearer(secret);

		assertThat(this.http.get("/rest/api/1.0/projects/" + key).auth(auth).send().status()).isEqualTo(200);
		assertThat(this.fixtures.readRepo(auth, key, first)).isEqualTo(200);
		assertThat(this.fixtures.readRepo(auth, key, second)).isEqualTo(200);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + otherKey).auth(auth).send(), 401, null);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + otherKey + "/repos/" + elsewhere).auth(auth).send(), 401,
				null);
		assertThat(this.http.get("/rest/api/1.0/projects/" + publicKey).auth(auth).send().status()).isEqualTo(401);
		assertThat(this.fixtures.readRepo(auth, publicKey, open)).isEqualTo(401);
		assertErrors(this.http.post("/rest/api/1.0/projects/" + otherKey + "/repos")
			.auth(auth)
			.json("{\"name\":\"intruder\"}")
			.send(), 401, null);
		// The owner's own personal token reaches both projects: the containment is the project token's.
		String personal = createToken(owner, ADMIN_PAIR).get("token").asString();
		assertThat(this.fixtures.readRepo(Http.bearer(personal), otherKey, elsewhere)).isEqualTo(200);
	}

	@Test
	void renewAndRotateWhenUnderTheProjectAndRepositoryPathsThenTheyWorkLikeUserTokens() {
		String owner = createUser("ptlife");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "lifecycle");
		this.clock.setInstant(T0);
		String body = "{\"name\":\"life\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":30}";
		JsonNode projectToken = this.fixtures.createProjectToken(owner, key, body);
		JsonNode repoToken = this.fixtures.createRepoToken(owner, key, slug, body);
		Instant later = T0.plus(Duration.ofDays(10));
		this.clock.setInstant(later);

		for (String[] owned : new String[][] {
				{ "/rest/access-tokens/1.0/projects/" + key + "/", projectToken.get("id").asString(),
						projectToken.get("token").asString() },
				{ "/rest/access-tokens/latest/projects/" + key + "/repos/" + slug + "/", repoToken.get("id").asString(),
						repoToken.get("token").asString() } }) {
			String path = owned[0] + owned[1];
			String secret = owned[2];
			assertErrors(this.http.post(path + "/renew").bearer(secret).json("{\"expiryDays\":60}").send(), 401, null);
			assertErrors(this.http.post(path + "/rotate").bearer(secret).json("{}").send(), 401, null);

			Http.Response renewed = this.http.post(path + "/renew")
				.basicAuth(owner, passwordOf(owner))
				.json("{\"expiryDays\":60}")
				.send();
			assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
			assertThat(renewed.json().get("id").asString()).isEqualTo(owned[1]);
			assertThat(renewed.json().get("expiryDate").asLong())
				.isEqualTo(later.plus(Duration.ofDays(60)).toEpochMilli());
			assertThat(renewed.json().has("token")).isFalse();
			assertThat(this.fixtures.readRepo(Http.bearer(secret), key, slug)).isEqualTo(200);

			Http.Response rotated = this.http.post(path + "/rotate")
				.basicAuth(owner, passwordOf(owner))
				.json("{\"gracePeriodMinutes\":60}")
				.send();
			assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
			String newSecret = rotated.json().get("token").asString();
			assertThat(newSecret).startsWith("BBDC-").isNotEqualTo(secret);
			assertThat(rotated.json().get("id").asString()).isEqualTo(owned[1]);
			assertThat(rotated.json().get("user").get("name").asString()).isEqualTo("token-" + owned[1]);
			assertThat(rotated.json().get("previousSecretValidUntil").asLong())
				.isEqualTo(later.plus(Duration.ofMinutes(60)).toEpochMilli());
			assertThat(this.fixtures.readRepo(Http.bearer(secret), key, slug)).isEqualTo(200);
			assertThat(this.fixtures.readRepo(Http.bearer(newSecret), key, slug)).isEqualTo(200);
		}
		this.clock.setInstant(later.plus(Duration.ofMinutes(60)));
		assertThat(this.fixtures.readRepo(Http.bearer(projectToken.get("token").asString()), key, slug)).isEqualTo(401);
		assertThat(this.fixtures.readRepo(Http.bearer(repoToken.get("token").asString()), key, slug)).isEqualTo(401);
	}

	@Test
	void rotateWhenCallerIsNotTheAdminOfTheOwnerThen401() {
		String owner = createUser("ptrotguard");
		String writer = createUser("ptrotwriter");
		String key = this.fixtures.createProject(owner);
		this.fixtures.grantProject(owner, key, writer, "PROJECT_WRITE");
		JsonNode token = this.fixtures.createProjectToken(owner, key, READ_PAIR);
		String path = "/rest/access-tokens/1.0/projects/" + key + "/" + token.get("id").asString();

		assertErrors(this.http.post(path + "/rotate").basicAuth(writer, passwordOf(writer)).send(), 401, null);
		assertErrors(this.http.post(path + "/renew").basicAuth(writer, passwordOf(writer)).send(), 401, null);
		assertThat(this.fixtures.readRepo(Http.bearer(token.get("token").asString()), key,
				this.fixtures.createRepo(owner, key, "still"))).isEqualTo(200);
	}

	@Test
	void revokeWhenTheOwnerLosesAProjectGrantThenTheirPersonalTokenIsNarrowedAtOnce() {
		String owner = createUser("revoker");
		String user = createUser("revokee");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "narrowed");
		this.fixtures.grantProject(owner, key, user, "PROJECT_WRITE");
		String auth = Http.bearer(createToken(user, ADMIN_PAIR).get("token").asString());
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(200);
		assertThat(authorize(auth, key, slug, "REPO_WRITE")).isEqualTo(204);

		this.fixtures.grantProject(owner, key, user, "PROJECT_READ");
		assertThat(authorize(auth, key, slug, "REPO_WRITE")).isEqualTo(403);
		assertThat(authorize(auth, key, slug, "REPO_READ")).isEqualTo(204);

		this.fixtures.revokeProject(owner, key, user);
		Http.Response refused = this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug).auth(auth).send();
		assertErrors(refused, 401, null);
		assertThat(authorize(auth, key, slug, "REPO_READ")).isEqualTo(403);
		assertThat(this.http.get("/rest/access-tokens/1.0/self").auth(auth).send().status()).isEqualTo(200);
	}

	@Test
	void revokeWhenTheOwnerLosesARepositoryGrantOrGroupOrAdminRightsThenTheTokenIsNarrowedAtOnce() {
		String owner = createUser("narrower");
		String user = createUser("narrowed");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "by-repo");
		String viaGroup = this.fixtures.createRepo(owner, key, "by-group");
		String group = ProjectFixtures.newGroup(user);
		this.fixtures.createGroup(group);
		this.fixtures.addToGroup(user, group);
		assertThat(this.http.put("/rest/api/1.0/projects/" + key + "/repos/" + viaGroup + "/permissions/groups?name="
				+ group + "&permission=REPO_READ").basicAuth(owner, passwordOf(owner)).send().status()).isEqualTo(204);
		this.fixtures.grantRepo(owner, key, slug, user, "REPO_READ");
		String auth = Http.bearer(createToken(user, ADMIN_PAIR).get("token").asString());
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(200);
		assertThat(this.fixtures.readRepo(auth, key, viaGroup)).isEqualTo(200);

		this.fixtures.revokeRepo(owner, key, slug, user);
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(401);

		assertThat(this.http.post("/rest/api/1.0/admin/groups/remove-user")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"user\":\"" + user + "\",\"groups\":[\"" + group + "\"]}")
			.send()
			.status()).isEqualTo(200);
		assertThat(this.fixtures.readRepo(auth, key, viaGroup)).isEqualTo(401);

		this.fixtures.setGlobal(user, "ADMIN");
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(200);
		this.fixtures.setGlobal(user, "LICENSED_USER");
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(401);
	}

	/**
	 * Every valid permission pair of a token, for each kind of token, against every check on a
	 * repository and on its project. The personal token's owner holds the grant in the second
	 * column; project and repository tokens are created by the project's admin.
	 */
	@ParameterizedTest(name = "[{index}] {0} token {2}/{3} (owner {1}): repo {4} {5} {6}, project {7} {8} {9}")
	@CsvSource(delimiter = '|', textBlock = """
			# kind     | owner grant   | token repo | token project | R_READ | R_WRITE | R_ADMIN | P_READ | P_WRITE | P_ADMIN
			PERSONAL   | PROJECT_ADMIN | REPO_READ  | PROJECT_READ  | 204    | 403     | 403     | 204    | 403     | 403
			PERSONAL   | PROJECT_ADMIN | REPO_WRITE | PROJECT_READ  | 204    | 204     | 403     | 204    | 403     | 403
			PERSONAL   | PROJECT_ADMIN | REPO_WRITE | PROJECT_WRITE | 204    | 204     | 403     | 204    | 204     | 403
			PERSONAL   | PROJECT_ADMIN | REPO_ADMIN | PROJECT_READ  | 204    | 204     | 204     | 204    | 403     | 403
			PERSONAL   | PROJECT_ADMIN | REPO_ADMIN | PROJECT_WRITE | 204    | 204     | 204     | 204    | 204     | 403
			PERSONAL   | PROJECT_ADMIN | REPO_ADMIN | PROJECT_ADMIN | 204    | 204     | 204     | 204    | 204     | 204
			PERSONAL   | PROJECT_WRITE | REPO_ADMIN | PROJECT_ADMIN | 204    | 204     | 403     | 204    | 204     | 403
			PERSONAL   | PROJECT_READ  | REPO_ADMIN | PROJECT_ADMIN | 204    | 403     | 403     | 204    | 403     | 403
			PERSONAL   | PROJECT_READ  | REPO_WRITE | PROJECT_WRITE | 204    | 403     | 403     | 204    | 403     | 403
			PERSONAL   | REPO_WRITE    | REPO_ADMIN | PROJECT_ADMIN | 204    | 204     | 403     | 403    | 403     | 403
			PERSONAL   | NONE          | REPO_ADMIN | PROJECT_ADMIN | 403    | 403     | 403     | 403    | 403     | 403
			PROJECT    | -             | REPO_READ  | PROJECT_READ  | 204    | 403     | 403     | 204    | 403     | 403
			PROJECT    | -             | REPO_WRITE | PROJECT_READ  | 204    | 204     | 403     | 204    | 403     | 403
			PROJECT    | -             | REPO_WRITE | PROJECT_WRITE | 204    | 204     | 403     | 204    | 204     | 403
			PROJECT    | -             | REPO_ADMIN | PROJECT_READ  | 204    | 204     | 204     | 204    | 403     | 403
			PROJECT    | -             | REPO_ADMIN | PROJECT_WRITE | 204    | 204     | 204     | 204    | 204     | 403
			PROJECT    | -             | REPO_ADMIN | PROJECT_ADMIN | 204    | 204     | 204     | 204    | 204     | 204
			REPOSITORY | -             | REPO_READ  | PROJECT_READ  | 204    | 403     | 403     | 403    | 403     | 403
			REPOSITORY | -             | REPO_WRITE | PROJECT_READ  | 204    | 204     | 403     | 403    | 403     | 403
			REPOSITORY | -             | REPO_WRITE | PROJECT_WRITE | 204    | 204     | 403     | 403    | 403     | 403
			REPOSITORY | -             | REPO_ADMIN | PROJECT_READ  | 204    | 204     | 204     | 403    | 403     | 403
			REPOSITORY | -             | REPO_ADMIN | PROJECT_WRITE | 204    | 204     | 204     | 403    | 403     | 403
			REPOSITORY | -             | REPO_ADMIN | PROJECT_ADMIN | 204    | 204     | 204     | 403    | 403     | 403
			""")
	void authorizeWhenTokenHasAPermissionPairThenEachCheckFollowsTheTable(String kind, String ownerGrant,
			String tokenRepo, String tokenProject, int repoRead, int repoWrite, int repoAdmin, int projectRead,
			int projectWrite, int projectAdmin) {
		String owner = createUser("pairs");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "checked");
		String body = "{\"name\":\"pair\",\"permissions\":[\"" + tokenRepo + "\",\"" + tokenProject + "\"]}";
		String secret = switch (kind) {
			case "PERSONAL" -> {
				String user = createUser("pairuser");
				if (ownerGrant.startsWith("PROJECT_")) {
					this.fixtures.grantProject(owner, key, user, ownerGrant);
				}
				else if (ownerGrant.startsWith("REPO_")) {
					this.fixtures.grantRepo(owner, key, slug, user, ownerGrant);
				}
				yield createToken(user, body).get("token").asString();
			}
			case "PROJECT" -> this.fixtures.createProjectToken(owner, key, body).get("token").asString();
			case "REPOSITORY" -> this.fixtures.createRepoToken(owner, key, slug, body).get("token").asString();
			default -> throw new IllegalArgumentException(kind);
		};
		String auth = Http.bearer(secret);

		assertThat(List.of(authorize(auth, key, slug, "REPO_READ"), authorize(auth, key, slug, "REPO_WRITE"),
				authorize(auth, key, slug, "REPO_ADMIN"), authorize(auth, key, null, "PROJECT_READ"),
				authorize(auth, key, null, "PROJECT_WRITE"), authorize(auth, key, null, "PROJECT_ADMIN")))
			.containsExactly(repoRead, repoWrite, repoAdmin, projectRead, projectWrite, projectAdmin);
	}

	@Test
	void updateWhenAProjectTokensPermissionsAreLoweredThenItIsNarrowedAtOnce() {
		String owner = createUser("ptlower");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "lowered");
		JsonNode token = this.fixtures.createProjectToken(owner, key, ADMIN_PAIR);
		String auth = Http.bearer(token.get("token").asString());
		assertThat(authorize(auth, key, slug, "REPO_ADMIN")).isEqualTo(204);
		assertThat(authorize(auth, key, null, "PROJECT_ADMIN")).isEqualTo(204);

		Http.Response updated = this.http.post("/rest/access-tokens/1.0/projects/" + key + "/" + token.get("id").asString())
			.basicAuth(owner, passwordOf(owner))
			.json("{\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"]}")
			.send();
		assertThat(updated.status()).as(updated.toString()).isEqualTo(200);

		assertThat(List.of(authorize(auth, key, slug, "REPO_WRITE"), authorize(auth, key, slug, "REPO_ADMIN"),
				authorize(auth, key, null, "PROJECT_READ"), authorize(auth, key, null, "PROJECT_WRITE")))
			.containsExactly(204, 403, 204, 403);
	}

	@Test
	void grantWhenGivenToAProjectTokensServiceUserThenTheTokenReachesNoFurther() {
		String owner = createUser("ptsvc");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "home");
		String otherKey = this.fixtures.createProject(owner);
		String otherSlug = this.fixtures.createRepo(owner, otherKey, "away");
		JsonNode token = this.fixtures.createRepoToken(owner, key, slug, READ_PAIR);
		String serviceUser = token.get("user").get("name").asString();
		String auth = Http.bearer(token.get("token").asString());

		this.fixtures.grantProject(owner, otherKey, serviceUser, "PROJECT_ADMIN");
		this.fixtures.grantProject(owner, key, serviceUser, "PROJECT_ADMIN");

		assertThat(authorize(auth, key, slug, "REPO_READ")).isEqualTo(204);
		assertThat(authorize(auth, key, slug, "REPO_WRITE")).isEqualTo(403);
		assertThat(authorize(auth, key, null, "PROJECT_READ")).isEqualTo(403);
		assertThat(authorize(auth, otherKey, otherSlug, "REPO_READ")).isEqualTo(403);
	}

	@Test
	void credentialsWhenAnAdministratorSetsAServiceUsersPasswordThenRefusedAndNoPasswordLogin() {
		String owner = createUser("ptsvcpw");
		String key = this.fixtures.createProject(owner);
		JsonNode token = this.fixtures.createProjectToken(owner, key, READ_PAIR);
		String serviceUser = token.get("user").get("name").asString();
		String password = "pw-" + serviceUser + "-Secret";

		Http.Response changed = this.http.put("/rest/api/1.0/admin/users/credentials")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"name\":\"" + serviceUser + "\",\"password\":\"" + password + "\",\"passwordConfirm\":\""
					+ password + "\"}")
			.send();

		assertThat(changed.status()).as(changed.toString()).isNotEqualTo(204);
		assertErrors(this.http.get("/rest/access-tokens/1.0/users/" + serviceUser).basicAuth(serviceUser, password).send(),
				401, null);
		assertErrors(this.http.put("/rest/access-tokens/1.0/users/" + serviceUser)
			.basicAuth(serviceUser, password)
			.json(READ_PAIR)
			.send(), 401, null);
	}

	@Test
	void deleteRepositoryWhenItHasTokensThenTheyStopAtOnceAndTheProjectsTokensLive() {
		String owner = createUser("rtkill");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "killed");
		String survivor = this.fixtures.createRepo(owner, key, "survives");
		JsonNode first = this.fixtures.createRepoToken(owner, key, slug, READ_PAIR);
		JsonNode second = this.fixtures.createRepoToken(owner, key, slug, ADMIN_PAIR);
		JsonNode projectToken = this.fixtures.createProjectToken(owner, key, READ_PAIR);
		JsonNode survivorToken = this.fixtures.createRepoToken(owner, key, survivor, READ_PAIR);
		for (JsonNode token : new JsonNode[] { first, second }) {
			assertThat(authorize(Http.bearer(token.get("token").asString()), key, slug, "REPO_READ")).isEqualTo(204);
		}

		assertThat(this.http.delete("/rest/api/1.0/projects/" + key + "/repos/" + slug)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.status()).isEqualTo(202);

		for (JsonNode token : new JsonNode[] { first, second }) {
			assertErrors(this.http.get("/rest/tokenkeeper/1.0/authorize?project=" + key + "&repository=" + survivor
					+ "&permission=REPO_READ").bearer(token.get("token").asString()).send(), 401, null);
			assertErrors(this.http.get("/rest/access-tokens/1.0/self").bearer(token.get("token").asString()).send(), 401,
					null);
		}
		assertThat(authorize(Http.bearer(projectToken.get("token").asString()), key, survivor, "REPO_READ"))
			.isEqualTo(204);
		assertThat(authorize(Http.bearer(survivorToken.get("token").asString()), key, survivor, "REPO_READ"))
			.isEqualTo(204);
		assertThat(this.fixtures.createRepo(owner, key, "killed")).isEqualTo(slug);
		assertErrors(get(owner, "/rest/access-tokens/1.0/projects/" + key + "/repos/" + slug + "/"
				+ first.get("id").asString()), 404, null);
		assertThat(authorize(Http.bearer(first.get("token").asString()), key, slug, "REPO_READ")).isEqualTo(401);
	}

	@Test
	void deleteProjectWhenItHasTokensThenTheyStopAtOnce() {
		String owner = createUser("ptkill");
		String key = this.fixtures.createProject(owner);
		String secret = this.fixtures.createProjectToken(owner, key, READ_PAIR).get("token").asString();
		assertThat(authorize(Http.bearer(secret), key, null, "PROJECT_READ")).isEqualTo(204);

		assertThat(this.http.delete("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.status()).isEqualTo(204);

		assertThat(authorize(Http.bearer(secret), key, null, "PROJECT_READ")).isEqualTo(401);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void createWhenTheProjectIsDeletedMeanwhileThenTheTokenGoesWithItOrIsRefused(boolean createFirst) throws Exception {
		String owner = createUser("ptrace");
		String key = this.fixtures.createProject(owner);
		long projectId = this.jdbc.sql("SELECT id FROM project WHERE project_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
		Supplier<Http.Response> create = () -> put(owner, "/rest/access-tokens/1.0/projects/" + key, READ_PAIR);
		Supplier<Http.Response> delete = () -> this.http.delete("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send();

		// both requests have found the project when they get to its row, which a slow request holds
		List<Object> responses = TestDatabase.queuedBehindLockedRow(this.dataSource,
				"SELECT id FROM project WHERE id = ? FOR UPDATE", projectId, createFirst ? create : delete,
				createFirst ? delete : create);

		Http.Response created = (Http.Response) responses.get(createFirst ? 0 : 1);
		Http.Response deleted = (Http.Response) responses.get(createFirst ? 1 : 0);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		// The create came too late to make a token (409), or it made one that then went with the
		// project, before (200) or after (404) the create's answer was written.
		if (created.status() != 200) {
			assertThat(created.status()).as(created.toString()).isIn(404, 409);
			assertErrors(created, created.status(), null);
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access_token WHERE owner_type = 'PROJECT' AND owner_id = :id")
			.param("id", projectId)
			.query(Long.class)
			.single()).isZero();
	}

	private int authorize(String auth, String key, String slug, String permission) {
		return this.http
			.get("/rest/tokenkeeper/1.0/authorize?project=" + key + (slug == null ? "" : "&repository=" + slug)
					+ "&permission=" + permission)
			.auth(auth)
			.send()
			.status();
	}

	private Http.Response put(String user, String path, String body) {
		return this.http.put(path).basicAuth(user, passwordOf(user)).json(body).send();
	}

	private Http.Response get(String user, String path) {
		return this.http.get(path).basicAuth(user, passwordOf(user)).send();
	}

	private static List<String> permissions(JsonNode token) {
		return token.get("permissions").valueStream().map(JsonNode::asString).toList();
	}

}
