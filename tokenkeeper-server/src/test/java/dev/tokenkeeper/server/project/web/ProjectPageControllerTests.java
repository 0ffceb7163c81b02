package dev.tokenkeeper.server.project.web;

import java.util.List;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.ProjectFixtures;
import dev.tokenkeeper.server.support.TestDatabase;
import dev.tokenkeeper.server.support.WebUiTestSupport;
import dev.tokenkeeper.server.token.web.NewSecret;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Projects and repositories in the web UI, and their tokens for their administrators. */
class ProjectPageControllerTests extends WebUiTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private DataSource dataSource;

	@Test
	void projectTokensWhenTheUserAdministersTheProjectThenListedCreatedAndUsable() throws Exception {
		String owner = createUser("proj-admin");
		grantGlobal(owner, "PROJECT_CREATE");
		String key = "UI" + owner.replaceAll("[^0-9]", "");
		post("/rest/api/1.0/projects", owner, "{\"key\":\"" + key + "\",\"name\":\"UI project " + key + "\"}");
		post("/rest/api/1.0/projects/" + key + "/repos", owner, "{\"name\":\"app\"}");
		MockHttpSession session = login(owner);
		this.mvc.perform(get("/projects").session(session))
			.andExpect(content().string(containsString("/projects/" + key + "/tokens")))
			.andExpect(content().string(containsString("/projects/" + key + "/repos/app/tokens")));
		MvcResult created = this.mvc.perform(form(session, "/projects/" + key + "/repos/app/tokens")
			.param("name", "repo-ci")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_WRITE")
			.param("expiryDays", "10")).andReturn();
		NewSecret secret = (NewSecret) created.getFlashMap().get("secret");
		assertThat(created.getResponse().getRedirectedUrl())
			.isEqualTo("/projects/" + key + "/repos/app/tokens/" + secret.tokenId() + "/secret");
		assertThat(this.http.get("/rest/api/1.0/projects/" + key + "/repos/app").bearer(secret.value()).send()
			.status()).isEqualTo(200);
		this.mvc.perform(get("/projects/" + key + "/repos/app/tokens").session(session))
			.andExpect(content().string(containsString("repo-ci")));
		this.mvc.perform(get("/projects/" + key + "/tokens").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No tokens yet.")));

		String reader = createUser("proj-reader");
		MockHttpSession readerSession = login(reader);
		this.mvc.perform(get("/projects").session(readerSession))
			.andExpect(content().string(not(containsString(key))));
		this.mvc.perform(get("/projects/" + key + "/tokens").session(readerSession)).andExpect(status().isForbidden());
		this.mvc.perform(form(readerSession, "/projects/" + key + "/tokens").param("name", "x")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")).andExpect(status().isForbidden());
		this.mvc.perform(get("/projects/NOSUCHPROJECT/tokens").session(readerSession))
			.andExpect(status().isNotFound());
	}

	@Test
	void createTokenWhenTheProjectIsDeletedMeanwhileThenAConflictPageNotAServerError() throws Exception {
		String owner = createUser("proj-race");
		String key = new ProjectFixtures(this.http).createProject(owner);
		long projectId = this.jdbc.sql("SELECT id FROM project WHERE project_key = :key")
			.param("key", key)
			.query(Long.class)
			.single();
		MockHttpSession session = login(owner);
		Supplier<Http.Response> delete = () -> this.http.delete("/rest/api/1.0/projects/" + key)
			.basicAuth(owner, passwordOf(owner))
			.send();
		Supplier<MockHttpServletResponse> create = () -> {
			try {
				return this.mvc.perform(form(session, "/projects/" + key + "/tokens").param("name", "late")
					.param("projectPermission", "PROJECT_READ")
					.param("repositoryPermission", "REPO_READ")).andReturn().getResponse();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		};

		// both have found the project; the deletion gets to its row first (on H2 the create may)
		List<Object> responses = TestDatabase.queuedBehindLockedRow(this.dataSource,
				"SELECT id FROM project WHERE id = ? FOR UPDATE", projectId, delete, create);

		assertThat(((Http.Response) responses.get(0)).status()).isEqualTo(204);
		MockHttpServletResponse created = (MockHttpServletResponse) responses.get(1);
		if (TestDatabase.isPostgresql() || created.getStatus() != 302) {
			assertThat(created.getStatus()).isEqualTo(409);
			assertThat(created.getContentAsString()).contains("Another request changed the same data at the same time");
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access_token WHERE owner_type = 'PROJECT' AND owner_id = :id")
			.param("id", projectId)
			.query(Long.class)
			.single()).isZero();
	}

	private void grantGlobal(String user, String permission) {
		assertThat(this.http.put("/rest/api/1.0/admin/permissions/users?name=" + user + "&permission=" + permission)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
	}

	private void post(String path, String user, String json) {
		assertThat(this.http.post(path).basicAuth(user, passwordOf(user)).json(json).send().status()).isEqualTo(201);
	}

}
