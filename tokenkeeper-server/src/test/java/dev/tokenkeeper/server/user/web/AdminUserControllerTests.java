package dev.tokenkeeper.server.user.web;

import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.support.WebUiTestSupport;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** User administration pages: list, create, global permission, password reset, delete. */
class AdminUserControllerTests extends WebUiTestSupport {

	@Test
	void listWhenFilteredThenOnlyMatchingUsersAreShown() throws Exception {
		String user = createUser("admin-ui-list");
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(get("/admin/users").param("q", user).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">" + user + "<")))
			.andExpect(content().string(containsString("<label for=\"name\">User name</label>")));
		this.mvc.perform(get("/admin/users").param("q", "no-such-user-anywhere").session(admin))
			.andExpect(content().string(containsString("No user matches")));
	}

	@Test
	void createWhenValidThenTheUserCanLogIn() throws Exception {
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(form(admin, "/admin/users").param("name", "ui-made-user")
			.param("displayName", "Made In UI")
			.param("emailAddress", "made@example.com")
			.param("password", "made-pw-123")
			.param("passwordConfirm", "made-pw-123"))
			.andExpect(redirectedUrl("/admin/users/ui-made-user"))
			.andExpect(flash().attribute("notice", containsString("Created the user ui-made-user")));
		login("ui-made-user", "made-pw-123");
	}

	@Test
	void createWhenInvalidThenEachErrorIsBesideItsField() throws Exception {
		String existing = createUser("admin-ui-dup");
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(form(admin, "/admin/users").param("name", existing)
			.param("displayName", "Dup")
			.param("emailAddress", "dup@example.com")
			.param("password", "pw-1")
			.param("passwordConfirm", "pw-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("already exists")));
		this.mvc.perform(form(admin, "/admin/users").param("name", "admin-ui-mismatch")
			.param("displayName", "X")
			.param("emailAddress", "x@example.com")
			.param("password", "pw-1")
			.param("passwordConfirm", "pw-2"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"passwordConfirm-error\"")))
			.andExpect(content().string(containsString("The two passwords are not the same.")));
		this.mvc.perform(form(admin, "/admin/users").param("name", "admin-ui-bad-email")
			.param("displayName", "X")
			.param("emailAddress", "not-an-email")
			.param("password", "pw-1")
			.param("passwordConfirm", "pw-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"emailAddress-error\"")));
		assertThat(this.http.get("/rest/api/1.0/users/admin-ui-mismatch").basicAuth(ADMIN, ADMIN_PASSWORD).send()
			.status()).isEqualTo(404);
	}

	@Test
	void permissionWhenRevokedThenTheUserCannotLogInAndWhenGrantedAgainTheyCan() throws Exception {
		String user = createUser("admin-ui-perm");
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(get("/admin/users/" + user).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("LICENSED_USER")));
		this.mvc.perform(form(admin, "/admin/users/" + user + "/permission").param("permission", ""))
			.andExpect(redirectedUrl("/admin/users/" + user))
			.andExpect(flash().attribute("notice", containsString("cannot log in")));
		this.mvc.perform(post("/login")
			.param("username", user)
			.param("password", passwordOf(user))
			.with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(form(admin, "/admin/users/" + user + "/permission").param("permission", "PROJECT_CREATE"))
			.andExpect(redirectedUrl("/admin/users/" + user));
		login(user);
	}

	@Test
	void permissionWhenTheAdministratorTriesTheirOwnThenTheFormIsNotOffered() throws Exception {
		this.mvc.perform(get("/admin/users/" + ADMIN).session(loginAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You cannot change this account here")));
	}

	@Test
	void passwordWhenResetThenTheOldOneStopsAndTheNewOneWorks() throws Exception {
		String user = createUser("admin-ui-pw");
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(form(admin, "/admin/users/" + user + "/password").param("password", "reset-pw-1")
			.param("passwordConfirm", "other"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"passwordConfirm-error\"")));
		this.mvc.perform(form(admin, "/admin/users/" + user + "/password").param("password", "reset-pw-1")
			.param("passwordConfirm", "reset-pw-1"))
			.andExpect(redirectedUrl("/admin/users/" + user));
		login(user, "reset-pw-1");
	}

	@Test
	void deleteWhenConfirmedThenTheUserAndTheirTokensAreGone() throws Exception {
		String user = createUser("admin-ui-delete");
		String token = createToken(user).get("token").asString();
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(get("/admin/users/" + user + "/delete").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This cannot be undone.")));
		this.mvc.perform(form(admin, "/admin/users/" + user + "/delete")).andExpect(redirectedUrl("/admin/users"));
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(token).send().status())
			.isEqualTo(401);
		this.mvc.perform(get("/admin/users/" + user).session(admin)).andExpect(status().isNotFound());
	}

}
