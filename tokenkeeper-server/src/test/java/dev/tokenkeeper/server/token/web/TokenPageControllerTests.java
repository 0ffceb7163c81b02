package dev.tokenkeeper.server.token.web;

import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.WebUiTestSupport;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The token pages of the web UI, for a user's own tokens: list, create, the one-time secret, renew, rotate, revoke. */
class TokenPageControllerTests extends WebUiTestSupport {

	@AfterEach
	void restorePolicy() {
		restoreDefaultPolicy();
	}

	@Test
	void listWhenTheUserHasNoTokensThenTheEmptyStateSaysWhatToDo() throws Exception {
		MockHttpSession session = login(createUser("page-empty"));
		this.mvc.perform(get("/tokens").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No tokens yet.")))
			.andExpect(content().string(containsString("Create one with the form on this page")))
			.andExpect(content().string(containsString("<label for=\"name\">Name</label>")));
	}

	@Test
	void homeWhenLoggedInThenRedirectsToTheTokens() throws Exception {
		this.mvc.perform(get("/").session(login(createUser("page-home")))).andExpect(redirectedUrl("/tokens"));
	}

	@Test
	void createWhenValidThenTheSecretIsShownOnceAndWorksOnTheRestApi() throws Exception {
		String user = createUser("page-create");
		MockHttpSession session = login(user);
		MvcResult created = this.mvc.perform(form(session, "/tokens").param("name", "deploy")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_WRITE")
			.param("expiryDays", "30")).andExpect(status().isFound()).andExpect(flash().attributeExists("secret"))
			.andReturn();
		NewSecret secret = (NewSecret) created.getFlashMap().get("secret");
		assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/tokens/" + secret.tokenId() + "/secret");
		this.mvc.perform(get("/tokens/" + secret.tokenId() + "/secret").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(secret.value())))
			.andExpect(content().string(containsString("It is shown only this once")));
		this.mvc.perform(get("/tokens/" + secret.tokenId() + "/secret").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(secret.value()))))
			.andExpect(content().string(containsString("cannot be shown again")));
		JsonNode token = this.http.get("/rest/access-tokens/1.0/users/" + user + "/" + secret.tokenId())
			.bearer(secret.value())
			.send()
			.json();
		assertThat(token.get("name").asString()).isEqualTo("deploy");
		assertThat(token.get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_READ\"]");
		assertThat(token.get("expiryDays").asInt()).isEqualTo(30);
		this.mvc.perform(get("/tokens").session(session))
			.andExpect(content().string(containsString("deploy")))
			.andExpect(content().string(containsString("in 30 days")))
			.andExpect(content().string(containsString("Project: read, repository: write")))
			.andExpect(content().string(not(containsString(secret.value()))));
	}

	@Test
	void createWhenTheNameIsMissingThenTheErrorIsBesideTheFieldAndNothingIsCreated() throws Exception {
		String user = createUser("page-noname");
		this.mvc.perform(form(login(user), "/tokens").param("name", " ")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")
			.param("expiryDays", "10"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"name-error\"")))
			.andExpect(content().string(containsString("Give the token a name")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		assertThat(tokenCount(user)).isZero();
	}

	@Test
	void createWhenTheRepositoryPermissionIsWeakerThanTheProjectsThenRefusedBesideTheField() throws Exception {
		String user = createUser("page-pair");
		this.mvc.perform(form(login(user), "/tokens").param("name", "x")
			.param("projectPermission", "PROJECT_ADMIN")
			.param("repositoryPermission", "REPO_READ"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"repositoryPermission-error\"")))
			.andExpect(content().string(containsString("at least as strong as the project permission")));
		assertThat(tokenCount(user)).isZero();
	}

	@Test
	void createWhenTheExpiryIsBeyondThePolicyThenRefusedInWordsAndTheFormShowsTheLimit() throws Exception {
		setPolicy("{\"maxExpiryDays\":30,\"requireExpiry\":true}");
		String user = createUser("page-policy");
		MockHttpSession session = login(user);
		this.mvc.perform(get("/tokens").session(session))
			.andExpect(content().string(containsString("max=\"30\"")))
			.andExpect(content().string(containsString("At most 30 days, set by your administrator.")));
		this.mvc.perform(form(session, "/tokens").param("name", "long")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")
			.param("expiryDays", "31"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tokens may last at most 30 days")));
		this.mvc.perform(form(session, "/tokens").param("name", "never")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")
			.param("expiryDays", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Tokens must expire")));
		this.mvc.perform(form(session, "/tokens").param("name", "bad")
			.param("projectPermission", "PROJECT_READ")
			.param("repositoryPermission", "REPO_READ")
			.param("expiryDays", "soon"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Enter a whole number.")));
		assertThat(tokenCount(user)).isZero();
	}

	@Test
	void listWhenSortedAndFilteredThenTheTableFollows() throws Exception {
		String user = createUser("page-sort");
		createToken(user, "{\"name\":\"beta\",\"permissions\":[\"REPO_READ\"]}");
		createToken(user, "{\"name\":\"alpha\",\"permissions\":[\"REPO_READ\"]}");
		createToken(user, "{\"name\":\"gamma-deploy\",\"permissions\":[\"REPO_READ\"]}");
		MockHttpSession session = login(user);
		String byName = this.mvc.perform(get("/tokens").param("sort", "name").param("dir", "asc").session(session))
			.andExpect(content().string(containsString("aria-sort=\"ascending\"")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(byName.indexOf(">alpha<")).isLessThan(byName.indexOf(">beta<"));
		assertThat(byName.indexOf(">beta<")).isLessThan(byName.indexOf(">gamma-deploy<"));
		String descending = this.mvc.perform(get("/tokens").param("sort", "name").param("dir", "desc").session(session))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(descending.indexOf(">gamma-deploy<")).isLessThan(descending.indexOf(">alpha<"));
		this.mvc.perform(get("/tokens").param("q", "DEPLOY").session(session))
			.andExpect(content().string(containsString(">gamma-deploy<")))
			.andExpect(content().string(not(containsString(">alpha<"))));
		this.mvc.perform(get("/tokens").param("q", "zzz").session(session))
			.andExpect(content().string(containsString("No token name contains")));
	}

	@Test
	void renewWhenDaysChosenThenTheTokenKeepsItsSecretAndGetsTheNewLifetime() throws Exception {
		String user = createUser("page-renew");
		JsonNode created = createToken(user, "{\"name\":\"ci\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":5}");
		String id = created.get("id").asString();
		MockHttpSession session = login(user);
		this.mvc.perform(get("/tokens/" + id + "/renew").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"5\"")));
		this.mvc.perform(form(session, "/tokens/" + id + "/renew").param("expiryDays", "0"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose at least 1 day.")));
		this.mvc.perform(form(session, "/tokens/" + id + "/renew").param("expiryDays", "60"))
			.andExpect(redirectedUrl("/tokens"))
			.andExpect(flash().attribute("notice", containsString("now expires in 60 days")));
		JsonNode renewed = this.http.get("/rest/access-tokens/1.0/users/" + user + "/" + id)
			.bearer(created.get("token").asString())
			.send()
			.json();
		assertThat(renewed.get("expiryDays").asInt()).isEqualTo(60);
	}

	@Test
	void rotateWhenAGracePeriodIsChosenThenANewSecretIsShownAndBothWork() throws Exception {
		String user = createUser("page-rotate");
		JsonNode created = createToken(user);
		String id = created.get("id").asString();
		MockHttpSession session = login(user);
		this.mvc.perform(get("/tokens/" + id + "/rotate").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 day")));
		MvcResult rotated = this.mvc.perform(form(session, "/tokens/" + id + "/rotate").param("gracePeriodMinutes", "60"))
			.andExpect(redirectedUrl("/tokens/" + id + "/secret"))
			.andReturn();
		NewSecret secret = (NewSecret) rotated.getFlashMap().get("secret");
		assertThat(secret.previousValidUntil()).isNotNull();
		this.mvc.perform(get("/tokens/" + id + "/secret").session(session))
			.andExpect(content().string(containsString("The previous secret keeps working until")));
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + id;
		assertThat(this.http.get(path).bearer(secret.value()).send().status()).isEqualTo(200);
		assertThat(this.http.get(path).bearer(created.get("token").asString()).send().status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.http.get(path).bearer(created.get("token").asString()).send().status()).isEqualTo(401);
	}

	@Test
	void rotateWhenTheGracePeriodIsBeyondThePolicyThenRefusedBesideTheField() throws Exception {
		setPolicy("{\"maxRotationGraceMinutes\":30}");
		String user = createUser("page-rotate-policy");
		String id = createToken(user).get("id").asString();
		this.mvc.perform(form(login(user), "/tokens/" + id + "/rotate").param("gracePeriodMinutes", "60"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"gracePeriodMinutes-error\"")))
			.andExpect(content().string(containsString("at most 30 minutes")));
	}

	@Test
	void revokeWhenConfirmedThenTheTokenStopsWorking() throws Exception {
		String user = createUser("page-revoke");
		JsonNode created = createToken(user);
		String id = created.get("id").asString();
		MockHttpSession session = login(user);
		this.mvc.perform(get("/tokens/" + id + "/revoke").session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This cannot be undone.")));
		this.mvc.perform(form(session, "/tokens/" + id + "/revoke"))
			.andExpect(redirectedUrl("/tokens"))
			.andExpect(flash().attribute("notice", containsString("Revoked")));
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user)
			.bearer(created.get("token").asString())
			.send()
			.status()).isEqualTo(401);
	}

	@Test
	void actionWhenTheTokenBelongsToSomeoneElseThenNotFoundAndUnchanged() throws Exception {
		String owner = createUser("page-owner");
		JsonNode created = createToken(owner);
		String id = created.get("id").asString();
		MockHttpSession other = login(createUser("page-other"));
		this.mvc.perform(get("/tokens/" + id + "/revoke").session(other)).andExpect(status().isNotFound());
		this.mvc.perform(form(other, "/tokens/" + id + "/revoke")).andExpect(status().isNotFound());
		this.mvc.perform(form(other, "/tokens/" + id + "/renew").param("expiryDays", "5"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/tokens/no-such-page/at-all").session(other))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("There is no such page.")));
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + owner)
			.bearer(created.get("token").asString())
			.send()
			.status()).isEqualTo(200);
	}

	private int tokenCount(String user) {
		Http.Response response = this.http.get("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.send();
		return response.json().get("size").asInt();
	}

}
