package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a token may do to itself: read itself at {@code /self}, rotate itself at
 * {@code /self/rotate} within the policy, but never renew itself or outlive its own lifetime;
 * and the {@code X-Token-Expiration} header that tells a token's holder when the secret they
 * used stops working.
 */
class SelfServiceIntegrationTests extends IntegrationTestSupport {

	private static final String EXPIRATION = "X-Token-Expiration";

	private static final String SELF = "/rest/access-tokens/latest/self";

	private static final String SELF_ROTATE = "/rest/access-tokens/latest/self/rotate";

	private static final String READ_30_DAYS = "{\"name\":\"self\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"],"
			+ "\"expiryDays\":30}";

	@AfterEach
	void restoreDefaultPolicy() {
		TokenPolicySettingsIntegrationTests.restoreDefaults(this.http);
	}

	// GET /self

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void selfWhenBearerTokenThenTheCallingTokensOwnObjectWithoutItsSecret(String version) {
		String user = createUser("self-view");
		Instant created = Instant.parse("2026-04-01T08:30:00.250Z");
		this.clock.setInstant(created);
		JsonNode other = createToken(user);
		JsonNode token = createToken(user, READ_30_DAYS);
		Instant used = created.plus(Duration.ofHours(1));
		this.clock.setInstant(used);

		Http.Response response = this.http.get("/rest/access-tokens/" + version + "/self")
			.bearer(token.get("token").asString())
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode self = response.json();
		assertThat(List.copyOf(self.propertyNames())).containsExactly("id", "createdDate", "lastAuthenticated",
				"expiryDays", "expiryDate", "name", "permissions", "user");
		KbWorkflowIntegrationTests.assertTokenShape(self, user);
		assertThat(self.get("id").asString()).isEqualTo(token.get("id").asString())
			.isNotEqualTo(other.get("id").asString());
		assertThat(self.get("createdDate").asLong()).isEqualTo(created.toEpochMilli());
		assertThat(self.get("lastAuthenticated").asLong()).isEqualTo(used.toEpochMilli());
		assertThat(self.get("expiryDays").asInt()).isEqualTo(30);
		assertThat(self.get("expiryDate").asLong()).isEqualTo(created.plus(Duration.ofDays(30)).toEpochMilli());
		assertThat(self.get("name").asString()).isEqualTo("self");
		assertThat(self.get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_READ\"]");
		assertThat(response.body()).doesNotContain(token.get("token").asString());

		// Exactly what the owner sees for that token.
		Http.Response owners = this.http.get("/rest/access-tokens/" + version + "/users/" + user + "/"
				+ token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(response.body()).isEqualTo(owners.body());
	}

	@Test
	void selfWhenBasicUserAndTokenThenTheSameObjectAsWithBearer() {
		String user = createUser("self-basic");
		this.clock.setInstant(Instant.parse("2026-04-02T00:00:00Z"));
		JsonNode token = createToken(user, READ_30_DAYS);
		String raw = token.get("token").asString();

		Http.Response bearer = this.http.get(SELF).bearer(raw).send();
		Http.Response basic = this.http.get(SELF).basicAuth(user, raw).send();
		Http.Response upperCaseName = this.http.get(SELF).basicAuth(user.toUpperCase(), raw).send();

		assertThat(basic.status()).as(basic.toString()).isEqualTo(200);
		assertThat(basic.json().get("id").asString()).isEqualTo(token.get("id").asString());
		assertThat(basic.body()).isEqualTo(bearer.body());
		assertThat(upperCaseName.body()).isEqualTo(bearer.body());
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void selfWhenPasswordThenBadRequestSayingATokenMustBeUsed(String version) {
		String user = createUser("self-password");
		createToken(user);

		Http.Response response = this.http.get("/rest/access-tokens/" + version + "/self")
			.basicAuth(user, passwordOf(user))
			.send();
		Http.Response admin = this.http.get("/rest/access-tokens/" + version + "/self")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();

		assertErrors(response, 400, null);
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("access token")
			.contains("password");
		assertErrors(admin, 400, null);
		assertThat(admin.body()).isEqualTo(response.body());
	}

	@Test
	void selfWhenNoValidTokenThenUnauthorized() {
		String user = createUser("self-anon");
		String other = createUser("self-anon");
		Instant created = Instant.parse("2026-04-03T00:00:00Z");
		this.clock.setInstant(created);
		String raw = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1}")
			.get("token")
			.asString();

		assertErrors(this.http.get(SELF).send(), 401, null);
		assertErrors(this.http.get(SELF).bearer("BBDC-garbage").send(), 401, null);
		// A user token presented under another user's name is not that user's.
		assertErrors(this.http.get(SELF).basicAuth(other, raw).send(), 401, null);
		assertErrors(this.http.post(SELF_ROTATE).basicAuth(other, raw).send(), 401, null);
		this.clock.setInstant(created.plus(Duration.ofDays(1)));
		assertErrors(this.http.get(SELF).bearer(raw).send(), 401, null);
		assertErrors(this.http.post(SELF_ROTATE).bearer(raw).send(), 401, null);
	}

	// POST /self/rotate

	@Test
	void rotateSelfWhenGracePeriodGivenThenNewSecretAndTheOldOneWorksUntilTheDeadline() {
		String user = createUser("self-rotate");
		Instant created = Instant.parse("2026-05-01T10:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, READ_30_DAYS);
		String id = token.get("id").asString();
		String old = token.get("token").asString();
		Instant rotatedAt = created.plus(Duration.ofDays(2));
		this.clock.setInstant(rotatedAt);

		Http.Response response = this.http.post(SELF_ROTATE)
			.bearer(old)
			.json("{\"expiryDays\":10,\"gracePeriodMinutes\":15}")
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		JsonNode rotated = response.json();
		assertThat(List.copyOf(rotated.propertyNames())).containsExactly("id", "createdDate", "lastAuthenticated",
				"expiryDays", "expiryDate", "name", "permissions", "user", "token", "previousSecretValidUntil");
		KbWorkflowIntegrationTests.assertTokenShape(rotated, user);
		assertThat(rotated.get("id").asString()).isEqualTo(id);
		assertThat(rotated.get("createdDate").asLong()).isEqualTo(created.toEpochMilli());
		assertThat(rotated.get("name").asString()).isEqualTo("self");
		assertThat(rotated.get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_READ\"]");
		assertThat(rotated.get("expiryDays").asInt()).isEqualTo(10);
		assertThat(rotated.get("expiryDate").asLong()).isEqualTo(rotatedAt.plus(Duration.ofDays(10)).toEpochMilli());
		Instant deadline = rotatedAt.plus(Duration.ofMinutes(15));
		assertThat(rotated.get("previousSecretValidUntil").isIntegralNumber()).isTrue();
		assertThat(rotated.get("previousSecretValidUntil").asLong()).isEqualTo(deadline.toEpochMilli());
		String fresh = rotated.get("token").asString();
		assertThat(fresh).isNotEqualTo(old).startsWith("BBDC-");
		assertThat(TokenSecrets.parse(fresh)).get().extracting(TokenSecrets.PresentedToken::id).isEqualTo(id);

		// The replaced secret works until the deadline, and not from it on.
		this.clock.setInstant(deadline.minusMillis(1));
		Http.Response inGrace = this.http.get(SELF).bearer(old).send();
		assertThat(inGrace.status()).as(inGrace.toString()).isEqualTo(200);
		assertThat(inGrace.json().get("id").asString()).isEqualTo(id);
		this.clock.setInstant(deadline);
		assertErrors(this.http.get(SELF).bearer(old).send(), 401, null);
		Http.Response current = this.http.get(SELF).bearer(fresh).send();
		assertThat(current.status()).as(current.toString()).isEqualTo(200);
		assertThat(current.json().get("expiryDate").asLong()).isEqualTo(rotatedAt.plus(Duration.ofDays(10)).toEpochMilli());
		assertThat(current.json().has("previousSecretValidUntil")).isFalse();
		assertThat(current.json().has("token")).isFalse();
	}

	@Test
	void rotateSelfWhenNoGracePeriodThenTheOldSecretStopsAtOnceAndItsOwnLifetimeStartsAgain() {
		String user = createUser("self-nograce");
		Instant created = Instant.parse("2026-05-02T00:00:00Z");
		this.clock.setInstant(created);
		String first = createToken(user, READ_30_DAYS).get("token").asString();
		String second = createToken(user, READ_30_DAYS).get("token").asString();
		Instant rotatedAt = created.plus(Duration.ofDays(5));
		this.clock.setInstant(rotatedAt);

		Http.Response withoutBody = this.http.post(SELF_ROTATE).bearer(first).send();
		Http.Response zeroGrace = this.http.post("/rest/access-tokens/1.0/self/rotate")
			.bearer(second)
			.json("{\"gracePeriodMinutes\":0}")
			.send();

		for (Http.Response response : List.of(withoutBody, zeroGrace)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			JsonNode rotated = response.json();
			assertThat(rotated.has("previousSecretValidUntil")).as(response.toString()).isFalse();
			assertThat(rotated.get("expiryDays").asInt()).isEqualTo(30);
			assertThat(rotated.get("expiryDate").asLong()).isEqualTo(rotatedAt.plus(Duration.ofDays(30)).toEpochMilli());
			assertThat(this.http.get(SELF).bearer(rotated.get("token").asString()).send().status()).isEqualTo(200);
		}
		assertErrors(this.http.get(SELF).bearer(first).send(), 401, null);
		assertErrors(this.http.get(SELF).bearer(second).send(), 401, null);
	}

	@Test
	void rotateSelfWhenAskingForALongerLifetimeThanItsOwnThenBadRequestAndNothingChanges() {
		String user = createUser("self-longer");
		Instant created = Instant.parse("2026-05-03T00:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, READ_30_DAYS);
		String old = token.get("token").asString();
		this.clock.setInstant(created.plus(Duration.ofDays(1)));

		Http.Response longer = this.http.post(SELF_ROTATE).bearer(old).json("{\"expiryDays\":31}").send();

		assertErrors(longer, 400, "expiryDays");
		assertThat(longer.json().get("errors").get(0).get("message").asString()).contains("30");
		Http.Response unchanged = this.http.get(SELF).bearer(old).send();
		assertThat(unchanged.status()).as(unchanged.toString()).isEqualTo(200);
		assertThat(unchanged.json().get("expiryDays").asInt()).isEqualTo(30);
		assertThat(unchanged.json().get("expiryDate").asLong())
			.isEqualTo(created.plus(Duration.ofDays(30)).toEpochMilli());

		assertErrors(this.http.post(SELF_ROTATE).bearer(old).json("{\"expiryDays\":0}").send(), 400, "expiryDays");
		assertErrors(this.http.post(SELF_ROTATE).bearer(old).json("{\"expiryDays\":-1}").send(), 400, "expiryDays");
		assertErrors(this.http.post(SELF_ROTATE).bearer(old).json("{\"expiryDays\":\"ten\"}").send(), 400,
				"expiryDays");
		assertErrors(this.http.post(SELF_ROTATE).bearer(old).json("{\"gracePeriodMinutes\":-1}").send(), 400,
				"gracePeriodMinutes");
		assertThat(this.http.get(SELF).bearer(old).send().status()).isEqualTo(200);

		Http.Response same = this.http.post(SELF_ROTATE).basicAuth(user, old).json("{\"expiryDays\":30}").send();
		assertThat(same.status()).as(same.toString()).isEqualTo(200);
		assertThat(same.json().get("expiryDays").asInt()).isEqualTo(30);
		assertThat(same.json().get("expiryDate").asLong())
			.isEqualTo(created.plus(Duration.ofDays(31)).toEpochMilli());
		assertErrors(this.http.get(SELF).bearer(old).send(), 401, null);
	}

	@Test
	void rotateSelfWhenTheTokenNeverExpiresThenItStillNeverExpiresUnlessItAsksForAnExpiry() {
		String user = createUser("self-forever");
		String forever = createToken(user).get("token").asString();

		Http.Response plain = this.http.post(SELF_ROTATE).bearer(forever).send();

		assertThat(plain.status()).as(plain.toString()).isEqualTo(200);
		assertThat(plain.json().has("expiryDays")).isFalse();
		assertThat(plain.json().has("expiryDate")).isFalse();
		Instant now = Instant.parse("2026-05-05T05:00:00Z");
		this.clock.setInstant(now);
		Http.Response limited = this.http.post(SELF_ROTATE)
			.bearer(plain.json().get("token").asString())
			.json("{\"expiryDays\":7}")
			.send();
		assertThat(limited.status()).as(limited.toString()).isEqualTo(200);
		assertThat(limited.json().get("expiryDays").asInt()).isEqualTo(7);
		assertThat(limited.json().get("expiryDate").asLong()).isEqualTo(now.plus(Duration.ofDays(7)).toEpochMilli());
	}

	@Test
	void rotateSelfWhenUsingThePreviousSecretThenUnauthorizedAndTheCurrentSecretStays() {
		String user = createUser("self-previous");
		Instant created = Instant.parse("2026-05-04T00:00:00Z");
		this.clock.setInstant(created);
		String old = createToken(user, READ_30_DAYS).get("token").asString();
		Http.Response first = this.http.post(SELF_ROTATE).bearer(old).json("{\"gracePeriodMinutes\":60}").send();
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		String fresh = first.json().get("token").asString();
		this.clock.setInstant(created.plus(Duration.ofMinutes(10)));

		Http.Response again = this.http.post(SELF_ROTATE).bearer(old).json("{\"gracePeriodMinutes\":60}").send();

		assertErrors(again, 401, null);
		assertThat(again.header(EXPIRATION)).isEqualTo("2026-05-04T01:00:00Z");
		// Nothing changed: both secrets still work as before, the old one only within its window.
		assertThat(this.http.get(SELF).bearer(fresh).send().status()).isEqualTo(200);
		assertThat(this.http.get(SELF).bearer(old).send().status()).isEqualTo(200);
		this.clock.setInstant(created.plus(Duration.ofMinutes(60)));
		assertErrors(this.http.get(SELF).bearer(old).send(), 401, null);
		assertThat(this.http.get(SELF).bearer(fresh).send().status()).isEqualTo(200);
	}

	@Test
	void rotateSelfWhenPolicyDisablesSelfRotationThenUnauthorizedUntilEnabledAgain() {
		String user = createUser("self-disabled");
		String old = createToken(user, READ_30_DAYS).get("token").asString();
		Http.Response disable = this.http.put(TokenPolicySettingsIntegrationTests.SETTINGS)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"selfRotation\":false}")
			.send();
		assertThat(disable.status()).as(disable.toString()).isEqualTo(200);

		Http.Response refused = this.http.post(SELF_ROTATE).bearer(old).json("{\"gracePeriodMinutes\":5}").send();

		assertErrors(refused, 401, null);
		assertThat(refused.json().get("errors").get(0).get("message").asString()).containsIgnoringCase("disabled");
		Http.Response stillCurrent = this.http.get(SELF).bearer(old).send();
		assertThat(stillCurrent.status()).as(stillCurrent.toString()).isEqualTo(200);

		Http.Response enable = this.http.put(TokenPolicySettingsIntegrationTests.SETTINGS)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"selfRotation\":true}")
			.send();
		assertThat(enable.status()).as(enable.toString()).isEqualTo(200);
		Http.Response allowed = this.http.post(SELF_ROTATE).bearer(old).send();
		assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		assertErrors(this.http.get(SELF).bearer(old).send(), 401, null);
	}

	@Test
	void rotateSelfWhenPasswordThenBadRequest() {
		String user = createUser("self-rotate-pw");
		createToken(user, READ_30_DAYS);

		assertErrors(this.http.post(SELF_ROTATE).basicAuth(user, passwordOf(user)).send(), 400, null);
		assertErrors(this.http.post(SELF_ROTATE).send(), 401, null);
	}

	// What a token may never do to itself

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void renewWhenATokenRenewsItselfThenUnauthorizedAndItsExpiryStays(String version) {
		String user = createUser("self-renew");
		Instant created = Instant.parse("2026-06-01T00:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":10}");
		String raw = token.get("token").asString();
		String renew = "/rest/access-tokens/" + version + "/users/" + user + "/" + token.get("id").asString() + "/renew";
		Instant expiry = created.plus(Duration.ofDays(10));
		this.clock.setInstant(created.plus(Duration.ofDays(9)));

		assertErrors(this.http.post(renew).bearer(raw).json("{\"expiryDays\":10}").send(), 401, null);
		assertErrors(this.http.post(renew).basicAuth(user, raw).json("{\"expiryDays\":10}").send(), 401, null);
		assertErrors(this.http.post(renew).bearer(raw).send(), 401, null);

		Http.Response self = this.http.get(SELF).bearer(raw).send();
		assertThat(self.json().get("expiryDate").asLong()).isEqualTo(expiry.toEpochMilli());
		this.clock.setInstant(expiry);
		assertErrors(this.http.get(SELF).bearer(raw).send(), 401, null);
	}

	@Test
	void rotateWhenATokenUsesTheOwnersRotatePathThenUnauthorizedAndItsSecretStays() {
		String user = createUser("self-ownerpath");
		JsonNode token = createToken(user, READ_30_DAYS);
		String raw = token.get("token").asString();
		String rotate = "/rest/access-tokens/latest/users/" + user + "/" + token.get("id").asString() + "/rotate";

		Http.Response refused = this.http.post(rotate).bearer(raw).json("{\"gracePeriodMinutes\":5}").send();

		assertErrors(refused, 401, null);
		assertThat(refused.body()).doesNotContain("\"token\"");
		assertThat(this.http.get(SELF).bearer(raw).send().status()).isEqualTo(200);
	}

	// X-Token-Expiration

	@Test
	void requestWhenTokenExpiresThenEveryResponseCarriesTheExpiryInstant() {
		String user = createUser("header");
		Instant created = Instant.parse("2026-04-01T08:30:00.250Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":7}");
		String raw = token.get("token").asString();
		String expected = "2026-04-08T08:30:00.250Z";
		assertThat(Instant.ofEpochMilli(token.get("expiryDate").asLong()).toString()).isEqualTo(expected);
		this.clock.setInstant(created.plus(Duration.ofDays(3)));
		String tokens = "/rest/access-tokens/1.0/users/" + user;

		List<Http.Response> responses = List.of(this.http.get(tokens).bearer(raw).send(),
				this.http.get(tokens).basicAuth(user, raw).send(), this.http.get(SELF).bearer(raw).send(),
				this.http.get("/rest/access-tokens/latest/users/" + user + "/" + token.get("id").asString())
					.bearer(raw)
					.send(),
				// Refusals and misses too: the header describes the credential, not the outcome.
				this.http.get(tokens + "/000000000000").bearer(raw).send(),
				this.http.put(tokens).bearer(raw).json("{\"name\":\"x\",\"permissions\":[\"REPO_READ\"]}").send(),
				this.http.get(TokenPolicySettingsIntegrationTests.SETTINGS).bearer(raw).send());

		assertThat(responses).extracting(Http.Response::status).containsExactly(200, 200, 200, 200, 404, 401, 401);
		assertThat(responses).allSatisfy(response -> assertThat(response.header(EXPIRATION)).as(response.toString())
			.isEqualTo(expected));
		assertThat(responses.get(0).headers().allValues(EXPIRATION)).hasSize(1);
	}

	@Test
	void requestWhenPasswordOrTokenWithoutExpiryThenNoHeader() {
		String user = createUser("noheader");
		String forever = createToken(user).get("token").asString();
		createToken(user, READ_30_DAYS);
		String tokens = "/rest/access-tokens/1.0/users/" + user;

		List<Http.Response> responses = List.of(this.http.get(tokens).basicAuth(user, passwordOf(user)).send(),
				this.http.get(tokens).basicAuth(ADMIN, ADMIN_PASSWORD).send(),
				this.http.get(SELF).basicAuth(user, passwordOf(user)).send(), this.http.get(tokens).bearer(forever).send(),
				this.http.get(tokens).basicAuth(user, forever).send(), this.http.get(SELF).bearer(forever).send(),
				this.http.get(tokens).send());

		assertThat(responses).extracting(Http.Response::status).containsExactly(200, 200, 400, 200, 200, 200, 401);
		assertThat(responses).allSatisfy(response -> assertThat(response.header(EXPIRATION)).as(response.toString())
			.isNull());
	}

	@Test
	void rotateSelfWhenRotatedWithAGraceWindowThenTheResponseHeaderIsTheUsedSecretsNewDeadline() {
		String user = createUser("header-selfrotate");
		Instant created = Instant.parse("2026-04-15T00:00:00Z");
		this.clock.setInstant(created);
		String old = createToken(user, READ_30_DAYS).get("token").asString();
		this.clock.setInstant(created.plus(Duration.ofDays(2)));

		Http.Response rotated = this.http.post(SELF_ROTATE)
			.bearer(old)
			.json("{\"expiryDays\":10,\"gracePeriodMinutes\":15}")
			.send();

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		assertThat(this.http.get(SELF).bearer(old).send().header(EXPIRATION)).isEqualTo("2026-04-17T00:15:00Z");
		assertThat(rotated.header(EXPIRATION)).isEqualTo("2026-04-17T00:15:00Z");
	}

	@Test
	void requestWhenThePreviousSecretIsInItsGraceWindowThenHeaderIsTheGraceDeadline() {
		String user = createUser("header-grace");
		Instant created = Instant.parse("2026-04-10T00:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, READ_30_DAYS);
		String old = token.get("token").asString();
		Instant rotatedAt = created.plus(Duration.ofDays(1));
		this.clock.setInstant(rotatedAt);
		Http.Response rotation = this.http.post("/rest/access-tokens/latest/users/" + user + "/"
				+ token.get("id").asString() + "/rotate")
			.basicAuth(user, passwordOf(user))
			.json("{\"gracePeriodMinutes\":60}")
			.send();
		assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
		String fresh = rotation.json().get("token").asString();

		Http.Response byOld = this.http.get(SELF).bearer(old).send();
		Http.Response byNew = this.http.get(SELF).bearer(fresh).send();

		assertThat(byOld.status()).isEqualTo(200);
		assertThat(byOld.header(EXPIRATION)).isEqualTo("2026-04-11T01:00:00Z");
		assertThat(byNew.status()).isEqualTo(200);
		assertThat(byNew.header(EXPIRATION)).isEqualTo("2026-05-11T00:00:00Z");
	}

	@Test
	void requestWhenTheGraceWindowOutlastsTheNewExpiryThenHeaderIsTheExpiry() {
		String user = createUser("header-short");
		Instant created = Instant.parse("2026-04-20T00:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, READ_30_DAYS);
		String old = token.get("token").asString();
		Instant rotatedAt = created.plus(Duration.ofDays(1));
		this.clock.setInstant(rotatedAt);
		Http.Response rotation = this.http.post("/rest/access-tokens/latest/users/" + user + "/"
				+ token.get("id").asString() + "/rotate")
			.basicAuth(user, passwordOf(user))
			.json("{\"expiryDays\":1,\"gracePeriodMinutes\":2880}")
			.send();
		assertThat(rotation.status()).as(rotation.toString()).isEqualTo(200);
		assertThat(rotation.json().get("expiryDate").asLong()).isEqualTo(rotatedAt.plus(Duration.ofDays(1)).toEpochMilli());

		Http.Response byOld = this.http.get(SELF).bearer(old).send();

		assertThat(byOld.status()).isEqualTo(200);
		assertThat(byOld.header(EXPIRATION)).isEqualTo("2026-04-22T00:00:00Z");
		this.clock.setInstant(rotatedAt.plus(Duration.ofDays(1)));
		assertErrors(this.http.get(SELF).bearer(old).send(), 401, null);
	}

	@Test
	void requestWhenTheOwnerRenewedTheTokenThenHeaderShowsTheNewExpiryAtOnce() {
		String user = createUser("header-renew");
		Instant created = Instant.parse("2026-04-25T12:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":10}");
		String raw = token.get("token").asString();
		assertThat(this.http.get(SELF).bearer(raw).send().header(EXPIRATION)).isEqualTo("2026-05-05T12:00:00Z");
		this.clock.setInstant(created.plus(Duration.ofDays(5)));

		Http.Response renewed = this.http.post("/rest/access-tokens/latest/users/" + user + "/"
				+ token.get("id").asString() + "/renew")
			.basicAuth(user, passwordOf(user))
			.json("{\"expiryDays\":20}")
			.send();
		assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);

		assertThat(this.http.get(SELF).bearer(raw).send().header(EXPIRATION)).isEqualTo("2026-05-20T12:00:00Z");
	}

}
