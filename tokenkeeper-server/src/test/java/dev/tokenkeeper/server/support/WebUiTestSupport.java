package dev.tokenkeeper.server.support;

import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Base of the web UI's controller tests: MockMvc over the shared server's own context, with the
 * real security filter chains, and users that log in through the real login form.
 */
public abstract class WebUiTestSupport extends IntegrationTestSupport {

	@Autowired
	private WebApplicationContext context;

	protected MockMvc mvc;

	@BeforeEach
	void createMockMvc() {
		this.mvc = MockMvcBuilders.webAppContextSetup(this.context).apply(springSecurity()).build();
	}

	/** Logs the user in through the login form and returns the session. */
	protected MockHttpSession login(String user, String password) throws Exception {
		MvcResult result = this.mvc.perform(post("/login").param("username", user)
			.param("password", password)
			.with(csrf())).andReturn();
		assertThat(result.getResponse().getRedirectedUrl()).as("login of " + user).isEqualTo("/tokens");
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	protected MockHttpSession login(String user) throws Exception {
		return login(user, passwordOf(user));
	}

	protected MockHttpSession loginAdmin() throws Exception {
		return login(ADMIN, ADMIN_PASSWORD);
	}

	/** Sets the token policy through the REST API (a JSON object of its fields). */
	protected void setPolicy(String json) {
		Http.Response response = this.http.put("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json(json)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
	}

	/** Puts back the default policy, for tests that change it (the server is shared). */
	protected void restoreDefaultPolicy() {
		setPolicy(DEFAULT_POLICY);
	}

	protected static final String DEFAULT_POLICY = "{\"requireExpiry\":false,\"maxExpiryDays\":null,"
			+ "\"maxTokensPerOwner\":100,\"renewExpiredWithinDays\":30,\"selfRotation\":true,"
			+ "\"maxRotationGraceMinutes\":10080}";

	/** A form post with a valid CSRF token, in the session. */
	protected static MockHttpServletRequestBuilder form(MockHttpSession session, String path) {
		return post(path).session(session).with(csrf());
	}

}
