package dev.tokenkeeper.server.token.web;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.support.WebUiTestSupport;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrators' pages for tokens: every token with filters, and the token policy. */
class AdminTokenControllerTests extends WebUiTestSupport {

	@AfterEach
	void restorePolicy() {
		restoreDefaultPolicy();
	}

	@Test
	void allTokensWhenFilteredByUserAndStatusThenOnlyThoseAreShown() throws Exception {
		String user = createUser("admin-tokens");
		createToken(user, "{\"name\":\"soon-token\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":3}");
		createToken(user, "{\"name\":\"later-token\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":40}");
		createToken(user, "{\"name\":\"forever-token\",\"permissions\":[\"REPO_READ\"]}");
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(get("/admin/tokens").param("user", user).session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("soon-token")))
			.andExpect(content().string(containsString("forever-token")))
			.andExpect(content().string(containsString("user " + user)));
		this.mvc.perform(get("/admin/tokens").param("user", user)
			.param("status", "expiring")
			.param("expiringDays", "7")
			.session(admin))
			.andExpect(content().string(containsString("soon-token")))
			.andExpect(content().string(not(containsString("later-token"))))
			.andExpect(content().string(not(containsString("forever-token"))));
		this.mvc.perform(get("/admin/tokens").param("user", user).param("status", "unused").session(admin))
			.andExpect(content().string(containsString("later-token")));
		this.clock.advance(Duration.ofDays(5));
		this.mvc.perform(get("/admin/tokens").param("user", user).param("status", "expired").session(admin))
			.andExpect(content().string(containsString("soon-token")))
			.andExpect(content().string(containsString("expired 2 days ago")))
			.andExpect(content().string(not(containsString("later-token"))));
	}

	@Test
	void allTokensWhenTheUserDoesNotExistThenSaidBesideTheField() throws Exception {
		this.mvc.perform(get("/admin/tokens").param("user", "nobody-by-this-name").session(loginAdmin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-error\"")))
			.andExpect(content().string(containsString("There is no user named nobody-by-this-name.")));
	}

	@Test
	void policyWhenSavedThenTheRestApiAndTheCreateFormFollowIt() throws Exception {
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(get("/admin/policy").session(admin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"10080\"")));
		this.mvc.perform(form(admin, "/admin/policy").param("requireExpiry", "true")
			.param("maxExpiryDays", "14")
			.param("maxTokensPerOwner", "50")
			.param("renewExpiredWithinDays", "7")
			.param("maxRotationGraceMinutes", "60"))
			.andExpect(redirectedUrl("/admin/policy"))
			.andExpect(flash().attribute("notice", containsString("Saved the token policy")));
		String settings = this.http.get("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.body();
		assertThat(settings).contains("\"requireExpiry\":true", "\"maxExpiryDays\":14", "\"maxTokensPerOwner\":50",
				"\"selfRotation\":false", "\"maxRotationGraceMinutes\":60");
		this.mvc.perform(get("/tokens").session(login(createUser("policy-follower"))))
			.andExpect(content().string(containsString("max=\"14\"")))
			.andExpect(content().string(containsString("required")));
	}

	@Test
	void policyWhenAValueIsInvalidThenTheErrorIsBesideItAndNothingChanges() throws Exception {
		MockHttpSession admin = loginAdmin();
		this.mvc.perform(form(admin, "/admin/policy").param("maxExpiryDays", "0")
			.param("maxTokensPerOwner", "")
			.param("renewExpiredWithinDays", "30")
			.param("maxRotationGraceMinutes", "-5"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"maxExpiryDays-error\"")))
			.andExpect(content().string(containsString("id=\"maxTokensPerOwner-error\"")))
			.andExpect(content().string(containsString("id=\"maxRotationGraceMinutes-error\"")));
		assertThat(this.http.get("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.body()).contains("\"maxTokensPerOwner\":100");
	}

}
