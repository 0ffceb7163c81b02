package dev.tokenkeeper.server.project;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.ProjectFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bitbucket's projects, repositories, grants and groups over real HTTP: the JSON shapes under
 * {@code 1.0} and {@code latest}, key and name rules, who sees and may change what (refusals
 * are 401, unknown resources 404), group membership and public read, and what deleting takes
 * with it.
 */
class ProjectsAndGrantsIntegrationTests extends IntegrationTestSupport {

	private static final String BASE_URL = "http://localhost:7990";

	private static final String AUTHORISATION_EXCEPTION = "dev.tokenkeeper.server.support.AuthorisationException";

	private ProjectFixtures fixtures;

	@BeforeEach
	void createFixtures() {
		this.fixtures = new ProjectFixtures(this.http);
	}

	@Test
	void createProjectWhenCallerHasProjectCreateThen201InBitbucketsShapeAndCreatorIsAdmin() {
		String owner = createUser("creator");
		this.fixtures.setGlobal(owner, "PROJECT_CREATE");
		String key = ProjectFixtures.newKey(owner);

		Http.Response response = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + key.toLowerCase() + "\",\"name\":\"Name " + key
					+ "\",\"description\":\"What it is\",\"public\":false}")
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode project = response.json();
		assertThat(List.copyOf(project.propertyNames())).containsExactly("key", "id", "name", "description",
				"public", "type", "links");
		assertThat(project.get("key").asString()).isEqualTo(key);
		assertThat(project.get("id").isIntegralNumber()).isTrue();
		assertThat(project.get("name").asString()).isEqualTo("Name " + key);
		assertThat(project.get("description").asString()).isEqualTo("What it is");
		assertThat(project.get("public").isBoolean()).isTrue();
		assertThat(project.get("public").asBoolean()).isFalse();
		assertThat(project.get("type").asString()).isEqualTo("NORMAL");
		assertThat(project.get("links").get("self").get(0).get("href").asString())
			.isEqualTo(BASE_URL + "/projects/" + key);
		Http.Response grants = this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users")
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertThat(grants.status()).as(grants.toString()).isEqualTo(200);
		assertThat(grants.json().get("values").size()).isEqualTo(1);
		assertThat(grants.json().get("values").get(0).get("user").get("name").asString()).isEqualTo(owner);
		assertThat(grants.json().get("values").get(0).get("permission").asString()).isEqualTo("PROJECT_ADMIN");
	}

	@Test
	void createProjectWhenNoDescriptionThenTheFieldIsLeftOut() {
		String owner = createUser("nodesc");
		String key = this.fixtures.createProject(owner);
		JsonNode project = this.http.get("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(List.copyOf(project.propertyNames())).containsExactly("key", "id", "name", "public", "type",
				"links");
	}

	@Test
	void createProjectWhenOnlyLicensedOrByTokenThen401AndAdminMay() {
		String user = createUser("licensed");
		String key = ProjectFixtures.newKey(user);
		String body = "{\"key\":\"" + key + "\",\"name\":\"N " + key + "\"}";

		Http.Response licensed = this.http.post("/rest/api/1.0/projects")
			.basicAuth(user, passwordOf(user))
			.json(body)
			.send();
		assertErrors(licensed, 401, null);
		assertThat(exceptionName(licensed)).isEqualTo(AUTHORISATION_EXCEPTION);

		this.fixtures.setGlobal(user, "PROJECT_CREATE");
		String token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}")
			.get("token")
			.asString();
		assertErrors(this.http.post("/rest/api/1.0/projects").bearer(token).json(body).send(), 401, null);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(ADMIN, ADMIN_PASSWORD).send().status())
			.isEqualTo(404);

		Http.Response admin = this.http.post("/rest/api/1.0/projects")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json(body)
			.send();
		assertThat(admin.status()).as(admin.toString()).isEqualTo(201);
	}

	@Test
	void createProjectWhenKeyBreaksBitbucketsRulesThen400WithContextKey() {
		String owner = createUser("keys");
		this.fixtures.setGlobal(owner, "PROJECT_CREATE");
		String base = ProjectFixtures.newKey(owner);
		for (String key : new String[] { "1" + base, "_" + base, base + "-X", base + " X", base + ".X", "",
				base + "\u00c4", "A".repeat(129) }) {
			Http.Response response = this.http.post("/rest/api/1.0/projects")
				.basicAuth(owner, passwordOf(owner))
				.json("{\"key\":\"" + key + "\",\"name\":\"N " + base + "\"}")
				.send();
			assertErrors(response, 400, "key");
		}
		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"N " + base + "\"}")
			.send(), 400, "key");
		assertThat(this.http.get("/rest/api/1.0/projects/" + base).basicAuth(ADMIN, ADMIN_PASSWORD).send().status())
			.isEqualTo(404);
	}

	@Test
	void createProjectWhenKeyHasLettersDigitsAndUnderscoresThenUpperCasedAndFoundInAnyCase() {
		String owner = createUser("casing");
		this.fixtures.setGlobal(owner, "PROJECT_CREATE");
		String key = "a" + ProjectFixtures.newKey(owner).toLowerCase() + "_9z";

		Http.Response created = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + key + "\",\"name\":\"N " + key + "\"}")
			.send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("key").asString()).isEqualTo(key.toUpperCase());
		Http.Response lower = this.http.get("/rest/api/1.0/projects/" + key).basicAuth(owner, passwordOf(owner)).send();
		assertThat(lower.status()).isEqualTo(200);
		assertThat(lower.json().get("key").asString()).isEqualTo(key.toUpperCase());
	}

	@Test
	void createWhenKeyAndNamesAreAtTheirLimitsThenAcceptedAndOneMoreThenRefused() {
		String owner = createUser("limits");
		this.fixtures.setGlobal(owner, "PROJECT_CREATE");
		String base = ProjectFixtures.newKey(owner);
		String longKey = base + "X".repeat(128 - base.length());

		Http.Response created = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + longKey + "\",\"name\":\"" + base + "\",\"description\":\"" + "d".repeat(1024)
					+ "\"}")
			.send();

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("key").asString()).isEqualTo(longKey);
		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + base + "D\",\"name\":\"D " + base + "\",\"description\":\"" + "d".repeat(1025)
					+ "\"}")
			.send(), 400, "description");
		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + base + "N\",\"name\":\"" + "n".repeat(256) + "\"}")
			.send(), 400, "name");
		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + base + "C\",\"name\":\"tab\\there\"}")
			.send(), 400, "name");
		String longName = "r" + "x".repeat(127);
		assertThat(this.fixtures.createRepo(owner, longKey, longName)).isEqualTo(longName);
		assertErrors(this.http.post("/rest/api/1.0/projects/" + longKey + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"" + longName + "y\"}")
			.send(), 400, "name");
	}

	@Test
	void createProjectWhenNameMissingOrKeyOrNameTakenThenRefused() {
		String owner = createUser("dupes");
		String key = this.fixtures.createProject(owner);
		String otherKey = ProjectFixtures.newKey(owner);

		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + otherKey + "\"}")
			.send(), 400, "name");
		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + otherKey + "\",\"name\":\"  \"}")
			.send(), 400, "name");
		assertErrors(this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + key.toLowerCase() + "\",\"name\":\"Another " + key + "\"}")
			.send(), 409, "key");
		Http.Response sameName = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + otherKey + "\",\"name\":\"PROJECT " + key.toLowerCase() + "\"}")
			.send();
		assertThat(sameName.status()).as(sameName.toString()).isEqualTo(409);
	}

	@Test
	void getProjectWhenOneZeroAndLatestThenTheSameObject() {
		String owner = createUser("versions");
		String key = this.fixtures.createProject(owner);

		Http.Response one = this.http.get("/rest/api/1.0/projects/" + key).basicAuth(owner, passwordOf(owner)).send();
		Http.Response latest = this.http.get("/rest/api/latest/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send();

		assertThat(one.status()).isEqualTo(200);
		assertThat(latest.status()).isEqualTo(200);
		assertThat(latest.json()).isEqualTo(one.json());
		assertThat(one.json().get("name").asString()).isEqualTo("Project " + key);
	}

	@Test
	void getProjectWhenCallerMayNotReadThen401AndWhenUnknownThen404() {
		String owner = createUser("private");
		String stranger = createUser("stranger");
		String key = this.fixtures.createProject(owner);

		Http.Response refused = this.http.get("/rest/api/1.0/projects/" + key)
			.basicAuth(stranger, passwordOf(stranger))
			.send();
		assertErrors(refused, 401, null);
		assertThat(exceptionName(refused)).isEqualTo(AUTHORISATION_EXCEPTION);
		assertErrors(this.http.get("/rest/api/latest/projects/" + key + "/repos")
			.basicAuth(stranger, passwordOf(stranger))
			.send(), 401, null);

		Http.Response unknown = this.http.get("/rest/api/1.0/projects/NO_SUCH_" + key)
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertErrors(unknown, 404, null);
		assertThat(exceptionName(unknown)).isEqualTo("dev.tokenkeeper.server.project.NoSuchProjectException");
		assertErrors(this.http.get("/rest/api/1.0/projects/NO_SUCH_" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.send(), 404, null);
		Http.Response anonymous = this.http.get("/rest/api/1.0/projects/" + key).send();
		assertErrors(anonymous, 401, null);
	}

	@Test
	void listProjectsWhenCallerMayReadSomeThenOnlyThoseInKeyOrderPageByPage() {
		String owner = createUser("lister");
		String reader = createUser("reader");
		String first = this.fixtures.createProject(owner);
		String hidden = this.fixtures.createProject(owner);
		String second = this.fixtures.createProject(owner);
		String viaRepo = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, viaRepo, "only-this");
		this.fixtures.grantProject(owner, first, reader, "PROJECT_READ");
		this.fixtures.grantProject(owner, second, reader, "PROJECT_WRITE");
		this.fixtures.grantRepo(owner, viaRepo, slug, reader, "REPO_READ");

		List<String> seen = new ArrayList<>();
		int start = 0;
		for (int pages = 0; pages < 10_000; pages++) {
			JsonNode page = this.http.get("/rest/api/1.0/projects?limit=1&start=" + start)
				.basicAuth(reader, passwordOf(reader))
				.send()
				.json();
			assertThat(page.get("limit").asInt()).isEqualTo(1);
			assertThat(page.get("start").asInt()).isEqualTo(start);
			if (page.get("size").asInt() == 1) {
				seen.add(page.get("values").get(0).get("key").asString());
			}
			if (page.get("isLastPage").asBoolean()) {
				assertThat(page.has("nextPageStart")).isFalse();
				break;
			}
			assertThat(page.get("nextPageStart").asInt()).isEqualTo(start + 1);
			start = page.get("nextPageStart").asInt();
		}

		assertThat(seen).contains(first, second, viaRepo).doesNotContain(hidden).doesNotHaveDuplicates().isSorted();
		JsonNode ownersList = this.http.get("/rest/api/latest/projects?limit=1000")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(keys(ownersList)).contains(first, hidden, second, viaRepo);
		assertThat(keys(this.http.get("/rest/api/1.0/projects?limit=1000").basicAuth(ADMIN, ADMIN_PASSWORD).send().json()))
			.contains(first, hidden, second, viaRepo);
	}

	@Test
	void updateProjectWhenProjectAdminThen201WithTheChangesAndOthersAreRefused() {
		String owner = createUser("updater");
		String writer = createUser("writer");
		String key = this.fixtures.createProject(owner);
		this.fixtures.grantProject(owner, key, writer, "PROJECT_WRITE");

		assertErrors(this.http.put("/rest/api/1.0/projects/" + key)
			.basicAuth(writer, passwordOf(writer))
			.json("{\"name\":\"Hijacked " + key + "\"}")
			.send(), 401, null);
		assertErrors(this.http.put("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"OTHER_" + key + "\"}")
			.send(), 400, "key");

		Http.Response updated = this.http.put("/rest/api/latest/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + key.toLowerCase() + "\",\"name\":\"Renamed " + key
					+ "\",\"description\":\"Now described\",\"public\":true}")
			.send();

		assertThat(updated.status()).as(updated.toString()).isEqualTo(201);
		assertThat(updated.json().get("key").asString()).isEqualTo(key);
		assertThat(updated.json().get("name").asString()).isEqualTo("Renamed " + key);
		assertThat(updated.json().get("description").asString()).isEqualTo("Now described");
		assertThat(updated.json().get("public").asBoolean()).isTrue();
		Http.Response read = this.http.get("/rest/api/1.0/projects/" + key).basicAuth(owner, passwordOf(owner)).send();
		assertThat(read.json()).isEqualTo(updated.json());

		Http.Response nameOnly = this.http.put("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"Again " + key + "\"}")
			.send();
		assertThat(nameOnly.status()).isEqualTo(201);
		assertThat(nameOnly.json().get("description").asString()).isEqualTo("Now described");
		assertThat(nameOnly.json().get("public").asBoolean()).isTrue();
	}

	@Test
	void deleteProjectWhenItHasRepositoriesThen409AndWhenEmptyThen204() {
		String owner = createUser("deleter");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "blocker");
		String stranger = createUser("notadmin");

		assertErrors(this.http.delete("/rest/api/1.0/projects/" + key)
			.basicAuth(stranger, passwordOf(stranger))
			.send(), 401, null);
		Http.Response blocked = this.http.delete("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertErrors(blocked, 409, null);
		assertThat(exceptionName(blocked)).isEqualTo("dev.tokenkeeper.server.support.IntegrityException");

		assertThat(this.http.delete("/rest/api/1.0/projects/" + key + "/repos/" + slug)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.status()).isEqualTo(202);
		Http.Response deleted = this.http.delete("/rest/api/latest/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send();

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
		assertThat(deleted.body()).isEmpty();
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(ADMIN, ADMIN_PASSWORD).send(), 404,
				null);
		assertErrors(this.http.delete("/rest/api/1.0/projects/" + key).basicAuth(ADMIN, ADMIN_PASSWORD).send(), 404,
				null);
	}

	@Test
	void deleteProjectWhenItHadGrantsAndTokensThenTheyGoWithIt() {
		String owner = createUser("cleanup");
		String member = createUser("member");
		String key = this.fixtures.createProject(owner);
		this.fixtures.grantProject(owner, key, member, "PROJECT_READ");
		JsonNode token = this.fixtures.createProjectToken(owner, key,
				"{\"name\":\"ci\",\"permissions\":[\"PROJECT_READ\"]}");
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).bearer(token.get("token").asString()).send().status())
			.isEqualTo(200);

		assertThat(this.http.delete("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.status()).isEqualTo(204);

		assertErrors(this.http.get("/rest/api/1.0/users").bearer(token.get("token").asString()).send(), 401, null);
		assertErrors(this.http.get("/rest/api/1.0/users/token-" + token.get("id").asString())
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send(), 404, null);
		Http.Response recreated = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + key + "\",\"name\":\"Project " + key + "\"}")
			.send();
		assertThat(recreated.status()).as(recreated.toString()).isEqualTo(201);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(member, passwordOf(member)).send(), 401,
				null);
		JsonNode grants = this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(grants.get("values").size()).isEqualTo(1);
		assertThat(grants.get("values").get(0).get("user").get("name").asString()).isEqualTo(owner);
		assertThat(this.http.get("/rest/access-tokens/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
	}

	@Test
	void createRepositoryWhenProjectAdminThen201InBitbucketsShapeUnderBothVersions() {
		String owner = createUser("repos");
		String key = this.fixtures.createProject(owner);

		Http.Response response = this.http.post("/rest/api/1.0/projects/" + key.toLowerCase() + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"My Repo_1.v2\",\"scmId\":\"git\"}")
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode repo = response.json();
		assertThat(List.copyOf(repo.propertyNames())).containsExactly("slug", "id", "name", "scmId", "state",
				"statusMessage", "forkable", "project", "public", "archived", "links");
		assertThat(repo.get("slug").asString()).isEqualTo("my-repo_1.v2");
		assertThat(repo.get("id").isIntegralNumber()).isTrue();
		assertThat(repo.get("name").asString()).isEqualTo("My Repo_1.v2");
		assertThat(repo.get("scmId").asString()).isEqualTo("git");
		assertThat(repo.get("state").asString()).isEqualTo("AVAILABLE");
		assertThat(repo.get("public").asBoolean()).isFalse();
		assertThat(repo.get("project").get("key").asString()).isEqualTo(key);
		assertThat(repo.get("project").get("type").asString()).isEqualTo("NORMAL");
		assertThat(repo.get("links").get("self").get(0).get("href").asString())
			.isEqualTo(BASE_URL + "/projects/" + key + "/repos/my-repo_1.v2/browse");
		JsonNode project = this.http.get("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(repo.get("project")).isEqualTo(project);

		Http.Response one = this.http.get("/rest/api/1.0/projects/" + key + "/repos/my-repo_1.v2")
			.basicAuth(owner, passwordOf(owner))
			.send();
		Http.Response latest = this.http.get("/rest/api/latest/projects/" + key + "/repos/MY-REPO_1.V2")
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json()).isEqualTo(repo);
		assertThat(latest.json()).isEqualTo(repo);
		JsonNode list = this.http.get("/rest/api/latest/projects/" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("isLastPage").asBoolean()).isTrue();
		assertThat(list.get("values").get(0)).isEqualTo(repo);
	}

	@Test
	void createRepositoryWhenNameBreaksTheRulesThen400WithContext() {
		String owner = createUser("badrepo");
		String key = this.fixtures.createProject(owner);
		for (String name : new String[] { "", " leading", "-dash", ".dot", "a/b", "a:b", "r\u00e9po", "x".repeat(129) }) {
			assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
				.basicAuth(owner, passwordOf(owner))
				.json("{\"name\":\"" + name + "\"}")
				.send(), 400, "name");
		}
		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{}")
			.send(), 400, "name");
		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"hg-repo\",\"scmId\":\"hg\"}")
			.send(), 400, "scmId");
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
	}

	@Test
	void createRepositoryWhenItsSlugIsTakenThen409() {
		String owner = createUser("slugs");
		String key = this.fixtures.createProject(owner);
		assertThat(this.fixtures.createRepo(owner, key, "Shared Name")).isEqualTo("shared-name");

		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"shared name\"}")
			.send(), 409, "name");
		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"shared-name\"}")
			.send(), 409, "name");
		String other = this.fixtures.createProject(owner);
		assertThat(this.fixtures.createRepo(owner, other, "Shared Name")).isEqualTo("shared-name");
	}

	@Test
	void createRepositoryWhenCallerHasLessThanProjectAdminThen401() {
		String owner = createUser("repoowner");
		String writer = createUser("repowriter");
		String key = this.fixtures.createProject(owner);
		this.fixtures.grantProject(owner, key, writer, "PROJECT_WRITE");

		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(writer, passwordOf(writer))
			.json("{\"name\":\"nope\"}")
			.send(), 401, null);
		assertErrors(this.http.post("/rest/api/1.0/projects/NO_SUCH_" + key + "/repos")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"name\":\"nope\"}")
			.send(), 404, null);
		this.fixtures.grantProject(owner, key, writer, "PROJECT_ADMIN");
		assertThat(this.fixtures.createRepo(writer, key, "yes")).isEqualTo("yes");
	}

	@Test
	void getRepositoryWhenCallerHasOnlyARepositoryGrantThenThatOneButNotItsSibling() {
		String owner = createUser("siblings");
		String reader = createUser("onerepo");
		String key = this.fixtures.createProject(owner);
		String granted = this.fixtures.createRepo(owner, key, "granted");
		String sibling = this.fixtures.createRepo(owner, key, "sibling");
		this.fixtures.grantRepo(owner, key, granted, reader, "REPO_READ");
		String auth = Http.basic(reader, passwordOf(reader));

		assertThat(this.fixtures.readRepo(auth, key, granted)).isEqualTo(200);
		Http.Response refused = this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + sibling).auth(auth).send();
		assertErrors(refused, 401, null);
		assertThat(exceptionName(refused)).isEqualTo(AUTHORISATION_EXCEPTION);
		JsonNode list = this.http.get("/rest/api/1.0/projects/" + key + "/repos").auth(auth).send().json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("values").get(0).get("slug").asString()).isEqualTo(granted);
		Http.Response unknown = this.http.get("/rest/api/1.0/projects/" + key + "/repos/no-such")
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertErrors(unknown, 404, null);
		assertThat(exceptionName(unknown)).isEqualTo("dev.tokenkeeper.server.project.NoSuchRepositoryException");
	}

	@Test
	void grantToUsersWhenProjectAdminThenListedGrantedAndRevoked() {
		String owner = createUser("granter");
		String alice = createUser("alice");
		String bob = createUser("bob");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "granted-repo");
		assertThat(this.fixtures.readRepo(Http.basic(alice, passwordOf(alice)), key, slug)).isEqualTo(401);

		Http.Response granted = this.http
			.put("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + alice + "&name=" + bob
					+ "&permission=PROJECT_WRITE")
			.basicAuth(owner, passwordOf(owner))
			.send();

		assertThat(granted.status()).as(granted.toString()).isEqualTo(204);
		assertThat(granted.body()).isEmpty();
		assertThat(this.fixtures.readRepo(Http.basic(alice, passwordOf(alice)), key, slug)).isEqualTo(200);
		assertThat(this.fixtures.readRepo(Http.basic(bob, passwordOf(bob)), key, slug)).isEqualTo(200);
		JsonNode list = this.http.get("/rest/api/latest/projects/" + key + "/permissions/users?filter=" + alice)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		JsonNode grant = list.get("values").get(0);
		assertThat(List.copyOf(grant.propertyNames())).containsExactly("user", "permission");
		assertThat(grant.get("permission").asString()).isEqualTo("PROJECT_WRITE");
		assertThat(grant.get("user").get("name").asString()).isEqualTo(alice);
		assertThat(grant.get("user").get("slug").asString()).isEqualTo(alice);
		assertThat(grant.get("user").get("emailAddress").asString()).isEqualTo(alice + "@example.com");
		assertThat(grant.get("user").get("type").asString()).isEqualTo("NORMAL");
		JsonNode all = this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(all.get("size").asInt()).isEqualTo(3);

		this.fixtures.grantProject(owner, key, alice, "PROJECT_READ");
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users?filter=" + alice)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("values")
			.get(0)
			.get("permission")
			.asString()).isEqualTo("PROJECT_READ");
		Http.Response revoked = this.http.delete("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + alice)
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertThat(revoked.status()).isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(alice, passwordOf(alice)), key, slug)).isEqualTo(401);
		assertThat(this.fixtures.readRepo(Http.basic(bob, passwordOf(bob)), key, slug)).isEqualTo(200);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users?filter=" + alice)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
	}

	@Test
	void grantOnRepositoryWhenRepoAdminThenListedAndOnlyThatRepositoryOpens() {
		String owner = createUser("repogranter");
		String carol = createUser("carol");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "one");
		String other = this.fixtures.createRepo(owner, key, "two");

		this.fixtures.grantRepo(owner, key, slug, carol, "REPO_ADMIN");

		JsonNode list = this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions/users")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("values").get(0).get("user").get("name").asString()).isEqualTo(carol);
		assertThat(list.get("values").get(0).get("permission").asString()).isEqualTo("REPO_ADMIN");
		assertThat(this.fixtures.readRepo(Http.basic(carol, passwordOf(carol)), key, slug)).isEqualTo(200);
		assertThat(this.fixtures.readRepo(Http.basic(carol, passwordOf(carol)), key, other)).isEqualTo(401);
		// A repository admin manages that repository's grants, but not the project's.
		String dave = createUser("dave");
		this.fixtures.grantRepo(carol, key, slug, dave, "REPO_READ");
		assertErrors(this.http.put("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + dave
				+ "&permission=PROJECT_READ").basicAuth(carol, passwordOf(carol)).send(), 401, null);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users")
			.basicAuth(carol, passwordOf(carol))
			.send(), 401, null);
		assertErrors(this.http.put("/rest/api/1.0/projects/" + key + "/repos/" + other + "/permissions/users?name="
				+ dave + "&permission=REPO_READ").basicAuth(carol, passwordOf(carol)).send(), 401, null);

		this.fixtures.revokeRepo(owner, key, slug, carol);
		assertThat(this.fixtures.readRepo(Http.basic(carol, passwordOf(carol)), key, slug)).isEqualTo(401);
		assertThat(this.fixtures.readRepo(Http.basic(dave, passwordOf(dave)), key, slug)).isEqualTo(200);
	}

	@Test
	void grantWhenPermissionIsOfTheWrongScopeOrMissingThen400WithContextPermission() {
		String owner = createUser("scopes");
		String user = createUser("target");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "scoped");
		String project = "/rest/api/1.0/projects/" + key + "/permissions";
		String repo = "/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions";

		for (String path : new String[] { project + "/users?name=" + user + "&permission=REPO_READ",
				project + "/users?name=" + user + "&permission=ADMIN",
				project + "/users?name=" + user + "&permission=project_read", project + "/users?name=" + user,
				repo + "/users?name=" + user + "&permission=PROJECT_READ",
				repo + "/users?name=" + user + "&permission=SYS_ADMIN",
				project + "/groups?name=any&permission=REPO_ADMIN",
				repo + "/groups?name=any&permission=PROJECT_ADMIN" }) {
			assertErrors(this.http.put(path).basicAuth(owner, passwordOf(owner)).send(), 400, "permission");
		}
		assertErrors(this.http.put(project + "/users?permission=PROJECT_READ").basicAuth(owner, passwordOf(owner)).send(),
				400, "name");
		assertErrors(this.http.delete(project + "/users").basicAuth(owner, passwordOf(owner)).send(), 400, "name");
		Http.Response unknownUser = this.http.put(project + "/users?name=no-such-user-" + key + "&permission=PROJECT_READ")
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertErrors(unknownUser, 404, null);
		assertThat(exceptionName(unknownUser)).isEqualTo("dev.tokenkeeper.server.user.NoSuchUserException");
		assertErrors(this.http.put(project + "/groups?name=no-such-group-" + key + "&permission=PROJECT_READ")
			.basicAuth(owner, passwordOf(owner))
			.send(), 404, null);
		assertThat(this.http.get(project + "/users").basicAuth(owner, passwordOf(owner)).send().json().get("size").asInt())
			.isEqualTo(1);
	}

	@Test
	void grantWhenCallerIsNotAdminOrUsesATokenThen401() {
		String owner = createUser("guarded");
		String writer = createUser("notenough");
		String target = createUser("wouldbe");
		String key = this.fixtures.createProject(owner);
		this.fixtures.grantProject(owner, key, writer, "PROJECT_WRITE");
		String ownerToken = createToken(owner, "{\"name\":\"t\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}")
			.get("token")
			.asString();
		String path = "/rest/api/1.0/projects/" + key + "/permissions/users";

		assertErrors(this.http.put(path + "?name=" + target + "&permission=PROJECT_READ")
			.basicAuth(writer, passwordOf(writer))
			.send(), 401, null);
		assertErrors(this.http.get(path).basicAuth(writer, passwordOf(writer)).send(), 401, null);
		assertErrors(this.http.put(path + "?name=" + target + "&permission=PROJECT_READ").bearer(ownerToken).send(),
				401, null);
		assertErrors(this.http.delete(path + "?name=" + writer).bearer(ownerToken).send(), 401, null);
		assertErrors(this.http.get(path).bearer(ownerToken).send(), 401, null);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(target, passwordOf(target)).send().status())
			.isEqualTo(401);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(writer, passwordOf(writer)).send().status())
			.isEqualTo(200);
		assertThat(this.http.get(path).basicAuth(ADMIN, ADMIN_PASSWORD).send().status()).isEqualTo(200);
	}

	@Test
	void groupsWhenAdministeredThenCreatedListedAndRefusedToOthers() {
		String user = createUser("groupie");
		String group = ProjectFixtures.newGroup(user);

		Http.Response created = this.http.post("/rest/api/1.0/admin/groups?name=" + group)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();

		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		assertThat(List.copyOf(created.json().propertyNames())).containsExactly("name", "deletable");
		assertThat(created.json().get("name").asString()).isEqualTo(group);
		assertThat(created.json().get("deletable").asBoolean()).isTrue();
		assertErrors(this.http.post("/rest/api/1.0/admin/groups?name=" + group.toUpperCase())
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send(), 409, "name");
		assertErrors(this.http.post("/rest/api/1.0/admin/groups").basicAuth(ADMIN, ADMIN_PASSWORD).send(), 400, "name");
		assertErrors(this.http.post("/rest/api/1.0/admin/groups?name=x" + group)
			.basicAuth(user, passwordOf(user))
			.send(), 401, null);
		JsonNode list = this.http.get("/rest/api/latest/admin/groups?filter=" + group)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("values").get(0).get("name").asString()).isEqualTo(group);
		assertErrors(this.http.get("/rest/api/1.0/admin/groups").basicAuth(user, passwordOf(user)).send(), 401, null);
		assertErrors(this.http.post("/rest/api/1.0/admin/groups/add-user")
			.basicAuth(user, passwordOf(user))
			.json("{\"user\":\"" + user + "\",\"groups\":[\"" + group + "\"]}")
			.send(), 401, null);
		assertErrors(this.http.post("/rest/api/1.0/admin/groups/add-user")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"user\":\"" + user + "\",\"groups\":[\"no-such-" + group + "\"]}")
			.send(), 404, null);

		assertThat(this.http.delete("/rest/api/1.0/admin/groups?name=" + group)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
		assertThat(this.http.get("/rest/api/1.0/admin/groups?filter=" + group)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
	}

	@Test
	void groupGrantWhenUserJoinsAndLeavesTheGroupThenAccessFollows() {
		String owner = createUser("groupowner");
		String joiner = createUser("joiner");
		String outsider = createUser("outsider");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "team-repo");
		String group = ProjectFixtures.newGroup(joiner);
		this.fixtures.createGroup(group);

		Http.Response granted = this.http
			.put("/rest/api/1.0/projects/" + key + "/permissions/groups?name=" + group + "&permission=PROJECT_WRITE")
			.basicAuth(owner, passwordOf(owner))
			.send();
		assertThat(granted.status()).as(granted.toString()).isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(joiner, passwordOf(joiner)), key, slug)).isEqualTo(401);

		// Bitbucket's own body shape: {"context": group, "itemName": user}
		Http.Response added = this.http.post("/rest/api/1.0/admin/groups/add-user")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"context\":\"" + group + "\",\"itemName\":\"" + joiner + "\"}")
			.send();
		assertThat(added.status()).as(added.toString()).isEqualTo(200);

		assertThat(this.fixtures.readRepo(Http.basic(joiner, passwordOf(joiner)), key, slug)).isEqualTo(200);
		assertThat(this.fixtures.readRepo(Http.basic(outsider, passwordOf(outsider)), key, slug)).isEqualTo(401);
		// PROJECT_WRITE is not enough to create repositories
		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(joiner, passwordOf(joiner))
			.json("{\"name\":\"by-group\"}")
			.send(), 401, null);
		JsonNode list = this.http.get("/rest/api/1.0/projects/" + key + "/permissions/groups")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		JsonNode grant = list.get("values").get(0);
		assertThat(List.copyOf(grant.propertyNames())).containsExactly("group", "permission");
		assertThat(List.copyOf(grant.get("group").propertyNames())).containsExactly("name");
		assertThat(grant.get("group").get("name").asString()).isEqualTo(group);
		assertThat(grant.get("permission").asString()).isEqualTo("PROJECT_WRITE");

		Http.Response removed = this.http.post("/rest/api/1.0/admin/groups/remove-user")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"context\":\"" + group + "\",\"itemName\":\"" + joiner + "\"}")
			.send();
		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(this.fixtures.readRepo(Http.basic(joiner, passwordOf(joiner)), key, slug)).isEqualTo(401);
	}

	@Test
	void groupGrantWhenOnARepositoryOrRevokedOrGroupDeletedThenAccessFollows() {
		String owner = createUser("repogroups");
		String member = createUser("repomember");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "grouped");
		String sibling = this.fixtures.createRepo(owner, key, "ungrouped");
		String group = ProjectFixtures.newGroup(member);
		this.fixtures.createGroup(group);
		this.fixtures.addToGroup(member, group);
		String groups = "/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions/groups";

		assertThat(this.http.put(groups + "?name=" + group + "&permission=REPO_READ")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.status()).isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, slug)).isEqualTo(200);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, sibling)).isEqualTo(401);
		assertThat(this.http.get(groups).basicAuth(owner, passwordOf(owner)).send().json().get("values").get(0)
			.get("permission").asString()).isEqualTo("REPO_READ");

		assertThat(this.http.delete(groups + "?name=" + group).basicAuth(owner, passwordOf(owner)).send().status())
			.isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, slug)).isEqualTo(401);
		assertThat(this.http.get(groups).basicAuth(owner, passwordOf(owner)).send().json().get("size").asInt()).isZero();

		assertThat(this.http.put("/rest/api/1.0/projects/" + key + "/permissions/groups?name=" + group
				+ "&permission=PROJECT_READ").basicAuth(owner, passwordOf(owner)).send().status()).isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, sibling)).isEqualTo(200);
		assertThat(this.http.delete("/rest/api/1.0/admin/groups?name=" + group)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, sibling)).isEqualTo(401);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/permissions/groups")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
	}

	@Test
	void readWhenProjectIsPublicThenEveryLicensedUserReadsItAndItsRepositoriesButMayNotChangeThem() {
		String owner = createUser("publisher");
		String anyone = createUser("anyone");
		String key = this.fixtures.createProject(owner, true);
		String slug = this.fixtures.createRepo(owner, key, "open");
		String auth = Http.basic(anyone, passwordOf(anyone));

		Http.Response project = this.http.get("/rest/api/1.0/projects/" + key).auth(auth).send();
		assertThat(project.status()).isEqualTo(200);
		assertThat(project.json().get("public").asBoolean()).isTrue();
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(200);
		assertThat(keys(this.http.get("/rest/api/1.0/projects?limit=1000").auth(auth).send().json())).contains(key);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/repos").auth(auth).send().json().get("size").asInt())
			.isEqualTo(1);
		assertErrors(this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.auth(auth)
			.json("{\"name\":\"mine\"}")
			.send(), 401, null);
		assertErrors(this.http.put("/rest/api/1.0/projects/" + key).auth(auth).json("{\"public\":false}").send(), 401,
				null);
		assertErrors(this.http.delete("/rest/api/1.0/projects/" + key + "/repos/" + slug).auth(auth).send(), 401, null);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key).send(), 401, null);

		assertThat(this.http.put("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.json("{\"public\":false}")
			.send()
			.status()).isEqualTo(201);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).auth(auth).send().status()).isEqualTo(401);
		assertThat(this.fixtures.readRepo(auth, key, slug)).isEqualTo(401);
		assertThat(keys(this.http.get("/rest/api/1.0/projects?limit=1000").auth(auth).send().json()))
			.doesNotContain(key);
	}

	@Test
	void readWhenOnlyARepositoryIsPublicThenThatRepositoryButNotItsSiblings() {
		String owner = createUser("halfopen");
		String anyone = createUser("passerby");
		String key = this.fixtures.createProject(owner);
		String open = this.fixtures.createRepo(owner, key, "open-one", true);
		String closed = this.fixtures.createRepo(owner, key, "closed-one");
		String auth = Http.basic(anyone, passwordOf(anyone));

		Http.Response repo = this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + open).auth(auth).send();
		assertThat(repo.status()).isEqualTo(200);
		assertThat(repo.json().get("public").asBoolean()).isTrue();
		assertThat(repo.json().get("project").get("public").asBoolean()).isFalse();
		assertThat(this.fixtures.readRepo(auth, key, closed)).isEqualTo(401);
		JsonNode list = this.http.get("/rest/api/1.0/projects/" + key + "/repos").auth(auth).send().json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("values").get(0).get("slug").asString()).isEqualTo(open);
	}

	@Test
	void deleteRepositoryWhenRepoAdminThen202AndItsTokensAndGrantsGoWithIt() {
		String owner = createUser("repodeleter");
		String reader = createUser("repodreader");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "doomed");
		String survivor = this.fixtures.createRepo(owner, key, "survivor");
		this.fixtures.grantRepo(owner, key, slug, reader, "REPO_READ");
		JsonNode repoToken = this.fixtures.createRepoToken(owner, key, slug,
				"{\"name\":\"deploy\",\"permissions\":[\"REPO_READ\"]}");
		JsonNode projectToken = this.fixtures.createProjectToken(owner, key,
				"{\"name\":\"ci\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}");
		String repoSecret = repoToken.get("token").asString();
		assertThat(this.fixtures.readRepo(Http.bearer(repoSecret), key, slug)).isEqualTo(200);
		assertErrors(this.http.delete("/rest/api/1.0/projects/" + key + "/repos/" + slug)
			.basicAuth(reader, passwordOf(reader))
			.send(), 401, null);

		Http.Response deleted = this.http.delete("/rest/api/latest/projects/" + key + "/repos/" + slug)
			.basicAuth(owner, passwordOf(owner))
			.send();

		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(202);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug).bearer(repoSecret).send(), 401,
				null);
		assertErrors(this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug)
			.basicAuth(owner, passwordOf(owner))
			.send(), 404, null);
		assertErrors(this.http.get("/rest/api/1.0/users/token-" + repoToken.get("id").asString())
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send(), 404, null);
		assertThat(this.fixtures.readRepo(Http.bearer(projectToken.get("token").asString()), key, survivor))
			.isEqualTo(200);

		assertThat(this.fixtures.createRepo(owner, key, "doomed")).isEqualTo(slug);
		assertThat(this.fixtures.readRepo(Http.basic(reader, passwordOf(reader)), key, slug)).isEqualTo(401);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions/users")
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
		assertThat(this.http.get("/rest/access-tokens/1.0/projects/" + key + "/repos/" + slug)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
		assertThat(this.fixtures.readRepo(Http.bearer(repoSecret), key, slug)).isEqualTo(401);
	}

	@Test
	void grantToUsersWhenOneOfSeveralNamesIsUnknownThen404AndNobodyIsGranted() {
		String owner = createUser("atomic");
		String known = createUser("known");
		String key = this.fixtures.createProject(owner);

		Http.Response response = this.http
			.put("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + known + "&name=no-such-user-" + key
					+ "&permission=PROJECT_READ")
			.basicAuth(owner, passwordOf(owner))
			.send();

		assertErrors(response, 404, null);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(known, passwordOf(known)).send().status())
			.isEqualTo(401);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/permissions/users?filter=" + known)
			.basicAuth(owner, passwordOf(owner))
			.send()
			.json()
			.get("size")
			.asInt()).isZero();
	}

	@Test
	void grantToGroupsWhenNameRepeatsThenEveryGroupIsGranted() {
		String owner = createUser("groupsgrant");
		String first = createUser("firstmember");
		String second = createUser("secondmember");
		String key = this.fixtures.createProject(owner);
		String firstGroup = ProjectFixtures.newGroup(first);
		String secondGroup = ProjectFixtures.newGroup(second);
		this.fixtures.createGroup(firstGroup);
		this.fixtures.createGroup(secondGroup);
		this.fixtures.addToGroup(first, firstGroup);
		this.fixtures.addToGroup(second, secondGroup);

		Http.Response response = this.http
			.put("/rest/api/1.0/projects/" + key + "/permissions/groups?name=" + firstGroup + "&name=" + secondGroup
					+ "&permission=PROJECT_READ")
			.basicAuth(owner, passwordOf(owner))
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(first, passwordOf(first)).send().status())
			.isEqualTo(200);
		assertThat(this.http.get("/rest/api/1.0/projects/" + key).basicAuth(second, passwordOf(second)).send().status())
			.isEqualTo(200);
	}

	@Test
	void removeUserWhenSeveralGroupsAreListedThenTheUserLeavesThemAll() {
		String owner = createUser("leaveall");
		String member = createUser("twogroups");
		String key = this.fixtures.createProject(owner);
		String slug = this.fixtures.createRepo(owner, key, "via-second");
		String firstGroup = ProjectFixtures.newGroup(member);
		String secondGroup = ProjectFixtures.newGroup(member);
		this.fixtures.createGroup(firstGroup);
		this.fixtures.createGroup(secondGroup);
		Http.Response added = this.http.post("/rest/api/1.0/admin/groups/add-user")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"user\":\"" + member + "\",\"groups\":[\"" + firstGroup + "\",\"" + secondGroup + "\"]}")
			.send();
		assertThat(added.status()).as(added.toString()).isEqualTo(200);
		assertThat(this.http.put("/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions/groups?name="
				+ secondGroup + "&permission=REPO_READ").basicAuth(owner, passwordOf(owner)).send().status())
			.isEqualTo(204);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, slug)).isEqualTo(200);

		Http.Response removed = this.http.post("/rest/api/1.0/admin/groups/remove-user")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"user\":\"" + member + "\",\"groups\":[\"" + firstGroup + "\",\"" + secondGroup + "\"]}")
			.send();

		assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
		assertThat(this.fixtures.readRepo(Http.basic(member, passwordOf(member)), key, slug)).isEqualTo(401);
	}

	@Test
	void createProjectWhenOnlyTheNameIsTakenThen409WithContextName() {
		String owner = createUser("namectx");
		String key = this.fixtures.createProject(owner);

		Http.Response response = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, passwordOf(owner))
			.json("{\"key\":\"" + ProjectFixtures.newKey(owner) + "\",\"name\":\"Project " + key + "\"}")
			.send();

		assertErrors(response, 409, "name");
	}

	private static String exceptionName(Http.Response response) {
		return response.json().get("errors").get(0).get("exceptionName").asString();
	}

	private static List<String> keys(JsonNode page) {
		List<String> keys = new ArrayList<>();
		page.get("values").forEach(project -> keys.add(project.get("key").asString()));
		return keys;
	}

}
