package dev.tokenkeeper.server.support;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sets up projects, repositories, grants and groups over the real REST API, asserting that each
 * step succeeded. Project keys and group names derive from the (unique) user names, so tests
 * sharing one server never collide.
 */
public final class ProjectFixtures {

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	private final Http http;

	public ProjectFixtures(Http http) {
		this.http = http;
	}

	/** A fresh project key made of the user's name (upper-cased, '-' and '.' as '_') and a counter. */
	public static String newKey(String user) {
		return user.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_" + SEQUENCE.incrementAndGet();
	}

	/** A fresh group name made of the user's name and a counter. */
	public static String newGroup(String user) {
		return "group-" + user + "-" + SEQUENCE.incrementAndGet();
	}

	/** The administrator sets a user's global permission. */
	public void setGlobal(String user, String permission) {
		Http.Response response = this.http
			.put("/rest/api/1.0/admin/permissions/users?name=" + user + "&permission=" + permission)
			.basicAuth(IntegrationTestSupport.ADMIN, IntegrationTestSupport.ADMIN_PASSWORD)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
	}

	/** The owner (given PROJECT_CREATE for it) creates a private project and so becomes its admin; returns the key. */
	public String createProject(String owner) {
		return createProject(owner, false);
	}

	public String createProject(String owner, boolean isPublic) {
		setGlobal(owner, "PROJECT_CREATE");
		String key = newKey(owner);
		Http.Response response = this.http.post("/rest/api/1.0/projects")
			.basicAuth(owner, IntegrationTestSupport.passwordOf(owner))
			.json("{\"key\":\"" + key + "\",\"name\":\"Project " + key + "\",\"public\":" + isPublic + "}")
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("key").asString();
	}

	/** A project admin creates a private repository; returns its slug. */
	public String createRepo(String admin, String key, String name) {
		return createRepo(admin, key, name, false);
	}

	public String createRepo(String admin, String key, String name, boolean isPublic) {
		Http.Response response = this.http.post("/rest/api/1.0/projects/" + key + "/repos")
			.basicAuth(admin, IntegrationTestSupport.passwordOf(admin))
			.json("{\"name\":\"" + name + "\",\"public\":" + isPublic + "}")
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json().get("slug").asString();
	}

	/** A project admin grants a user a PROJECT_* permission. */
	public void grantProject(String admin, String key, String user, String permission) {
		expect204(this.http
			.put("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + user + "&permission=" + permission)
			.basicAuth(admin, IntegrationTestSupport.passwordOf(admin))
			.send());
	}

	public void revokeProject(String admin, String key, String user) {
		expect204(this.http.delete("/rest/api/1.0/projects/" + key + "/permissions/users?name=" + user)
			.basicAuth(admin, IntegrationTestSupport.passwordOf(admin))
			.send());
	}

	/** A repository admin grants a user a REPO_* permission. */
	public void grantRepo(String admin, String key, String slug, String user, String permission) {
		expect204(this.http
			.put("/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions/users?name=" + user
					+ "&permission=" + permission)
			.basicAuth(admin, IntegrationTestSupport.passwordOf(admin))
			.send());
	}

	public void revokeRepo(String admin, String key, String slug, String user) {
		expect204(this.http.delete("/rest/api/1.0/projects/" + key + "/repos/" + slug + "/permissions/users?name=" + user)
			.basicAuth(admin, IntegrationTestSupport.passwordOf(admin))
			.send());
	}

	/** The administrator creates a group. */
	public void createGroup(String group) {
		Http.Response response = this.http.post("/rest/api/1.0/admin/groups?name=" + group)
			.basicAuth(IntegrationTestSupport.ADMIN, IntegrationTestSupport.ADMIN_PASSWORD)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	/** The administrator adds a user to a group. */
	public void addToGroup(String user, String group) {
		Http.Response response = this.http.post("/rest/api/1.0/admin/groups/add-user")
			.basicAuth(IntegrationTestSupport.ADMIN, IntegrationTestSupport.ADMIN_PASSWORD)
			.json("{\"user\":\"" + user + "\",\"groups\":[\"" + group + "\"]}")
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	/** A project admin creates a project token (by password); returns the whole create response. */
	public JsonNode createProjectToken(String admin, String key, String body) {
		return createOwnedToken(admin, "/rest/access-tokens/1.0/projects/" + key, body);
	}

	/** A repository admin creates a repository token (by password); returns the whole create response. */
	public JsonNode createRepoToken(String admin, String key, String slug, String body) {
		return createOwnedToken(admin, "/rest/access-tokens/1.0/projects/" + key + "/repos/" + slug, body);
	}

	private JsonNode createOwnedToken(String admin, String path, String body) {
		Http.Response response = this.http.put(path)
			.basicAuth(admin, IntegrationTestSupport.passwordOf(admin))
			.json(body)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	/** The status of reading a repository with the given Authorization header. */
	public int readRepo(String authorization, String key, String slug) {
		return this.http.get("/rest/api/1.0/projects/" + key + "/repos/" + slug).auth(authorization).send().status();
	}

	private static void expect204(Http.Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
	}

}
