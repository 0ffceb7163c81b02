package dev.tokenkeeper.server.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.WebUiTestSupport;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The web UI's security chain: form login only, a session with CSRF protection, strict headers. */
class WebUiSecurityTests extends WebUiTestSupport {

	@Test
	void pageWhenNotLoggedInThenRedirectedToTheLoginPage() throws Exception {
		for (String path : new String[] { "/", "/tokens", "/projects", "/admin/users", "/admin/policy" }) {
			this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void pageWhenBearerOrBasicCredentialsThenTheyAreIgnoredAndTheLoginPageFollows() throws Exception {
		String user = createUser("ui-creds");
		String token = createToken(user).get("token").asString();
		this.mvc.perform(get("/tokens").header("Authorization", Http.bearer(token)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/tokens").header("Authorization", Http.basic(user, token)))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/tokens").header("Authorization", Http.basic(user, passwordOf(user))))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"));
		this.mvc.perform(post("/tokens").header("Authorization", Http.bearer(token))
			.param("name", "sneaky")
			.with(csrf())).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(token).send().json().get("size")
			.asInt()).isEqualTo(1);
	}

	@Test
	void loginWhenTheTokenIsGivenAsThePasswordThenRefused() throws Exception {
		String user = createUser("ui-token-login");
		String token = createToken(user).get("token").asString();
		this.mvc.perform(post("/login").param("username", user).param("password", token).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void loginWhenPasswordIsWrongThenTheLoginPageSaysSoWithoutSayingWhy() throws Exception {
		String user = createUser("ui-wrong");
		this.mvc.perform(post("/login").param("username", user).param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login").param("username", "nobody-at-all").param("password", "wrong").with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That user name and password do not match.")));
	}

	@Test
	void loginWhenANameFailsTooOftenThenThrottledAndTheLoginPageSaysSo() throws Exception {
		String user = createUser("ui-throttled");
		String outcome = null;
		for (int attempt = 0; attempt < 20 && !"/login?throttled".equals(outcome); attempt++) {
			outcome = this.mvc.perform(post("/login").param("username", user).param("password", "guess-" + attempt)
				.with(csrf())).andReturn().getResponse().getRedirectedUrl();
		}
		assertThat(outcome).isEqualTo("/login?throttled");
		this.mvc.perform(post("/login").param("username", user).param("password", passwordOf(user)).with(csrf()))
			.andExpect(redirectedUrl("/login?throttled"));
		this.mvc.perform(get("/login").param("throttled", ""))
			.andExpect(content().string(containsString("Too many failed logins.")));
	}

	@Test
	void loginWhenCsrfTokenIsMissingThenRefused() throws Exception {
		String user = createUser("ui-login-csrf");
		this.mvc.perform(post("/login").param("username", user).param("password", passwordOf(user)))
			.andExpect(status().isForbidden());
	}

	@Test
	void formWhenCsrfTokenIsMissingOrWrongThen403AndNothingChanges() throws Exception {
		String user = createUser("ui-csrf");
		MockHttpSession session = login(user);
		this.mvc.perform(post("/tokens").session(session)
			.param("name", "forged")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")).andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/denied"));
		this.mvc.perform(post("/tokens").session(session)
			.param("name", "forged")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")
			.with(csrf().useInvalidToken())).andExpect(status().isForbidden());
		String id = createToken(user).get("id").asString();
		this.mvc.perform(post("/tokens/" + id + "/revoke").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		assertThat(tokenCount(user)).isEqualTo(1);
		this.mvc.perform(get("/tokens").session(session)).andExpect(status().isOk());
	}

	@Test
	void deniedPageWhenShownThenItSaysWhatToDo() throws Exception {
		this.mvc.perform(get("/denied"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("reload the page and try again")));
	}

	@Test
	void logoutWhenPostedWithCsrfTokenThenTheSessionEnds() throws Exception {
		MockHttpSession session = login(createUser("ui-logout"));
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/tokens").session(session)).andExpect(status().isFound())
			.andExpect(header().string("Location", startsWith("/login")));
	}

	@Test
	void sessionWhenThePasswordChangesThenItEnds() throws Exception {
		String user = createUser("ui-pw-change");
		MockHttpSession session = login(user);
		this.mvc.perform(get("/tokens").session(session)).andExpect(status().isOk());
		assertThat(this.http.put("/rest/api/1.0/admin/users/credentials")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"name\":\"" + user + "\",\"password\":\"a-new-pw-1\",\"passwordConfirm\":\"a-new-pw-1\"}")
			.send()
			.status()).isEqualTo(204);
		this.mvc.perform(get("/tokens").session(session)).andExpect(status().isFound())
			.andExpect(header().string("Location", startsWith("/login")));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void sessionWhenTheGlobalPermissionIsRevokedThenItEnds() throws Exception {
		String user = createUser("ui-revoked");
		MockHttpSession session = login(user);
		assertThat(this.http.delete("/rest/api/1.0/admin/permissions/users?name=" + user)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
		this.mvc.perform(get("/tokens").session(session)).andExpect(status().isFound());
		this.mvc.perform(post("/login").param("username", user).param("password", passwordOf(user)).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void adminPageWhenNotAnAdministratorThen403() throws Exception {
		MockHttpSession session = login(createUser("ui-not-admin"));
		for (String path : new String[] { "/admin/users", "/admin/tokens", "/admin/policy", "/admin/audit" }) {
			this.mvc.perform(get(path).session(session)).andExpect(status().isForbidden());
		}
		this.mvc.perform(post("/admin/policy").session(session).with(csrf()).param("maxTokensPerOwner", "1"))
			.andExpect(status().isForbidden());
	}

	@Test
	void pageWhenServedThenSecurityHeadersAndAStrictContentSecurityPolicy() throws Exception {
		MockHttpSession session = login(createUser("ui-headers"));
		this.mvc.perform(get("/tokens").session(session))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("style-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "same-origin"))
			.andExpect(header().string("Cache-Control", containsString("no-store")))
			.andExpect(content().string(not(containsString("<script>"))))
			.andExpect(content().string(not(containsString("style="))));
	}

	@Test
	void assetWhenNotLoggedInThenServedAndCacheable() throws Exception {
		this.mvc.perform(get("/assets/app.css"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", containsString("max-age=")));
		this.mvc.perform(get("/assets/app.js")).andExpect(status().isOk());
	}

	@Test
	void loginPageWhenServedThenLinksAssetsByContentHashAndThoseAreCachedForAYear() {
		Http.Response page = this.http.get("/login").send();
		Matcher stylesheet = Pattern.compile("href=\"(/assets/app-[0-9a-f]{32}\\.css)\"").matcher(page.body());

		assertThat(stylesheet.find()).as(page.body()).isTrue();
		Http.Response asset = this.http.get(stylesheet.group(1)).send();
		assertThat(asset.status()).isEqualTo(200);
		assertThat(asset.header("Cache-Control")).contains("max-age=31536000");
	}

	@Test
	void restApiWhenCalledWithTheUiSessionThenStill401AndJson() throws Exception {
		String user = createUser("ui-rest");
		MockHttpSession session = login(user);
		this.mvc.perform(get("/rest/access-tokens/1.0/users/" + user).session(session))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("Content-Type", startsWith("application/json")));
		Http.Response rest = this.http.get("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(rest.status()).isEqualTo(200);
		assertThat(rest.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(rest.header("Content-Security-Policy")).isNull();
	}

	private int tokenCount(String user) {
		return this.http.get("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.send()
			.json()
			.get("size")
			.asInt();
	}

}
