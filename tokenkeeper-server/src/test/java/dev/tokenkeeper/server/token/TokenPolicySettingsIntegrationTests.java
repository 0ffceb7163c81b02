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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin token policy at {@code /admin/settings}: who may read and change it, how a PUT merges
 * and validates, and that a change applies to the very next create, renew or rotate while leaving
 * existing tokens alone. The policy is shared by the whole server, so every test restores it.
 */
class TokenPolicySettingsIntegrationTests extends IntegrationTestSupport {

	static final String SETTINGS = "/rest/access-tokens/latest/admin/settings";

	/** The documented defaults, written out in full so that a PUT of it restores every field. */
	static final String DEFAULT_POLICY = "{\"requireExpiry\":false,\"maxExpiryDays\":null,\"maxTokensPerOwner\":100,"
			+ "\"renewExpiredWithinDays\":30,\"selfRotation\":true,\"maxRotationGraceMinutes\":10080}";

	private static final String READ = "{\"name\":\"t\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}";

	@AfterEach
	void restoreDefaultPolicy() {
		restoreDefaults(this.http);
	}

	/** PUTs the full default policy and checks it took; for every test class that changes the policy. */
	static void restoreDefaults(Http http) {
		Http.Response response = http.put(SETTINGS).basicAuth(ADMIN, ADMIN_PASSWORD).json(DEFAULT_POLICY).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json()).isEqualTo(Http.parse(DEFAULT_POLICY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1.0", "latest" })
	void getWhenAdminByPasswordThenEveryFieldWithItsDefault(String version) {
		Http.Response response = this.http.get("/rest/access-tokens/" + version + "/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.header("Content-Type")).startsWith("application/json");
		JsonNode policy = response.json();
		assertThat(List.copyOf(policy.propertyNames())).containsExactly("requireExpiry", "maxExpiryDays",
				"maxTokensPerOwner", "renewExpiredWithinDays", "selfRotation", "maxRotationGraceMinutes");
		assertThat(policy.get("requireExpiry").isBoolean()).isTrue();
		assertThat(policy.get("requireExpiry").asBoolean()).isFalse();
		assertThat(policy.get("maxExpiryDays").isNull()).isTrue();
		assertThat(policy.get("maxTokensPerOwner").isInt()).isTrue();
		assertThat(policy.get("maxTokensPerOwner").asInt()).isEqualTo(100);
		assertThat(policy.get("renewExpiredWithinDays").asInt()).isEqualTo(30);
		assertThat(policy.get("selfRotation").isBoolean()).isTrue();
		assertThat(policy.get("selfRotation").asBoolean()).isTrue();
		assertThat(policy.get("maxRotationGraceMinutes").asInt()).isEqualTo(10080);
	}

	@Test
	void getWhenGrantedAdminByPasswordThenAllowed() {
		String admin = createUser("policy-admin");
		grant(admin, "ADMIN");

		Http.Response response = this.http.get(SETTINGS).basicAuth(admin, passwordOf(admin)).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json()).isEqualTo(Http.parse(DEFAULT_POLICY));
	}

	@Test
	void settingsWhenNotAnAdminByPasswordThenUnauthorizedAndNothingChanges() {
		String user = createUser("policy-user");
		String userToken = createToken(user).get("token").asString();
		String admin = createUser("policy-tokenadmin");
		grant(admin, "SYS_ADMIN");
		String adminToken = createToken(admin,
				"{\"name\":\"admin-token\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}")
			.get("token")
			.asString();
		String change = "{\"maxTokensPerOwner\":1}";

		assertErrors(this.http.get(SETTINGS).send(), 401, null);
		assertErrors(this.http.put(SETTINGS).json(change).send(), 401, null);
		assertErrors(this.http.get(SETTINGS).basicAuth(user, passwordOf(user)).send(), 401, null);
		assertErrors(this.http.put(SETTINGS).basicAuth(user, passwordOf(user)).json(change).send(), 401, null);
		assertErrors(this.http.get(SETTINGS).bearer(userToken).send(), 401, null);
		assertErrors(this.http.put(SETTINGS).bearer(userToken).json(change).send(), 401, null);
		// An administrator's token is not an administrator: tokens never carry a global permission.
		assertErrors(this.http.get(SETTINGS).bearer(adminToken).send(), 401, null);
		assertErrors(this.http.put(SETTINGS).bearer(adminToken).json(change).send(), 401, null);
		assertErrors(this.http.get(SETTINGS).basicAuth(admin, adminToken).send(), 401, null);
		assertErrors(this.http.put(SETTINGS).basicAuth(admin, adminToken).json(change).send(), 401, null);
		assertErrors(this.http.get(SETTINGS).basicAuth(ADMIN, "wrong-password").send(), 401, null);

		assertThat(this.http.get(SETTINGS).basicAuth(admin, passwordOf(admin)).send().json())
			.isEqualTo(Http.parse(DEFAULT_POLICY));
	}

	@Test
	void putWhenSomeFieldsGivenThenOnlyThoseChangeAndTheRestKeepTheirValues() {
		Http.Response first = putSettings("{\"maxExpiryDays\":60}");
		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json()).isEqualTo(Http.parse("{\"requireExpiry\":false,\"maxExpiryDays\":60,"
				+ "\"maxTokensPerOwner\":100,\"renewExpiredWithinDays\":30,\"selfRotation\":true,"
				+ "\"maxRotationGraceMinutes\":10080}"));

		Http.Response second = this.http.put("/rest/access-tokens/1.0/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"selfRotation\":false,\"requireExpiry\":true,\"maxTokensPerOwner\":7,"
					+ "\"renewExpiredWithinDays\":0,\"maxRotationGraceMinutes\":0}")
			.send();
		String both = "{\"requireExpiry\":true,\"maxExpiryDays\":60,\"maxTokensPerOwner\":7,"
				+ "\"renewExpiredWithinDays\":0,\"selfRotation\":false,\"maxRotationGraceMinutes\":0}";
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(second.json()).isEqualTo(Http.parse(both));
		assertThat(getSettings()).isEqualTo(Http.parse(both));

		// An explicit null removes the limit; an empty object changes nothing.
		Http.Response unlimited = putSettings("{\"maxExpiryDays\":null}");
		assertThat(unlimited.status()).as(unlimited.toString()).isEqualTo(200);
		assertThat(unlimited.json().get("maxExpiryDays").isNull()).isTrue();
		assertThat(unlimited.json().get("maxTokensPerOwner").asInt()).isEqualTo(7);
		Http.Response nothing = putSettings("{}");
		assertThat(nothing.status()).as(nothing.toString()).isEqualTo(200);
		assertThat(nothing.json()).isEqualTo(unlimited.json());
		assertThat(getSettings()).isEqualTo(unlimited.json());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"maxExpiryDays":0}                              | maxExpiryDays
			{"maxExpiryDays":-1}                             | maxExpiryDays
			{"maxExpiryDays":"60"}                           | maxExpiryDays
			{"maxExpiryDays":1.5}                            | maxExpiryDays
			{"maxExpiryDays":3000000000}                     | maxExpiryDays
			{"maxExpiryDays":true}                           | maxExpiryDays
			{"maxTokensPerOwner":0}                          | maxTokensPerOwner
			{"maxTokensPerOwner":-5}                         | maxTokensPerOwner
			{"maxTokensPerOwner":null}                       | maxTokensPerOwner
			{"maxTokensPerOwner":"100"}                      | maxTokensPerOwner
			{"maxTokensPerOwner":100001}                     | maxTokensPerOwner
			{"renewExpiredWithinDays":-1}                    | renewExpiredWithinDays
			{"renewExpiredWithinDays":[30]}                  | renewExpiredWithinDays
			{"maxRotationGraceMinutes":-1}                   | maxRotationGraceMinutes
			{"maxRotationGraceMinutes":false}                | maxRotationGraceMinutes
			{"requireExpiry":"true"}                         | requireExpiry
			{"requireExpiry":1}                              | requireExpiry
			{"requireExpiry":null}                           | requireExpiry
			{"selfRotation":"no"}                            | selfRotation
			{"selfRotation":{}}                              | selfRotation
			{"maxExpiryDays":60,"maxTokensPerOwner":0}       | maxTokensPerOwner
			{"requireExpiry":true,"maxExpiryDays":0}         | maxExpiryDays
			""")
	void putWhenAFieldIsInvalidThenBadRequestNamesItAndNothingChanges(String body, String context) {
		assertErrors(putSettings(body), 400, context);

		assertThat(getSettings()).isEqualTo(Http.parse(DEFAULT_POLICY));
	}

	@ParameterizedTest
	@ValueSource(strings = { "[]", "[{\"maxExpiryDays\":5}]", "\"maxExpiryDays\"", "42", "{\"maxExpiryDays\":", "nope" })
	void putWhenTheBodyIsNotAJsonObjectThenBadRequestAndNothingChanges(String body) {
		assertErrors(putSettings(body), 400, null);

		assertThat(getSettings()).isEqualTo(Http.parse(DEFAULT_POLICY));
	}

	@Test
	void createWhenMaxExpiryDaysSetThenALongerLifetimeIsRejectedAndTheMaximumAccepted() {
		String user = createUser("policy-max");
		assertThat(putSettings("{\"maxExpiryDays\":60}").status()).isEqualTo(200);

		Http.Response tooLong = create(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":61}");
		assertErrors(tooLong, 400, "expiryDays");
		assertThat(tooLong.json().get("errors").get(0).get("message").asString()).contains("60");

		Instant now = Instant.parse("2026-07-01T12:00:00Z");
		this.clock.setInstant(now);
		Http.Response longest = create(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":60}");
		assertThat(longest.status()).as(longest.toString()).isEqualTo(200);
		assertThat(longest.json().get("expiryDays").asInt()).isEqualTo(60);
		assertThat(longest.json().get("expiryDate").asLong()).isEqualTo(now.plus(Duration.ofDays(60)).toEpochMilli());
		assertThat(listSize(user)).isEqualTo(1);

		assertThat(putSettings("{\"maxExpiryDays\":null}").status()).isEqualTo(200);
		Http.Response unlimited = create(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":61}");
		assertThat(unlimited.status()).as(unlimited.toString()).isEqualTo(200);
		assertThat(unlimited.json().get("expiryDays").asInt()).isEqualTo(61);
	}

	@Test
	void createWhenExpiryRequiredThenATokenWithoutExpiryIsRejectedAndExistingOnesKeepWorking() {
		String user = createUser("policy-require");
		JsonNode forever = createToken(user);
		assertThat(putSettings("{\"requireExpiry\":true}").status()).isEqualTo(200);

		assertErrors(create(user, READ), 400, "expiryDays");
		assertThat(listSize(user)).isEqualTo(1);

		Http.Response withExpiry = create(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":5}");
		assertThat(withExpiry.status()).as(withExpiry.toString()).isEqualTo(200);
		assertThat(withExpiry.json().get("expiryDays").asInt()).isEqualTo(5);
		// Requiring expiry from now on does not give the existing token one.
		Http.Response old = this.http.get("/rest/access-tokens/latest/self").bearer(forever.get("token").asString()).send();
		assertThat(old.status()).as(old.toString()).isEqualTo(200);
		assertThat(old.json().has("expiryDays")).isFalse();
		assertThat(old.json().has("expiryDate")).isFalse();

		assertThat(putSettings("{\"requireExpiry\":false}").status()).isEqualTo(200);
		assertThat(create(user, READ).status()).isEqualTo(200);
	}

	@Test
	void rotateSelfWhenMaxExpiryDaysBelowTheTokensOwnLifetimeThenTheNewLifetimeIsCappedOrRejected() {
		String user = createUser("policy-selfcap");
		String raw = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":30}")
			.get("token")
			.asString();
		assertThat(putSettings("{\"maxExpiryDays\":10}").status()).isEqualTo(200);

		assertErrors(this.http.post("/rest/access-tokens/latest/self/rotate").bearer(raw).json("{\"expiryDays\":11}").send(),
				400, "expiryDays");
		Instant now = Instant.parse("2026-03-05T00:00:00Z");
		this.clock.setInstant(now);
		Http.Response rotated = this.http.post("/rest/access-tokens/latest/self/rotate").bearer(raw).send();

		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		assertThat(rotated.json().get("expiryDays").asInt()).isEqualTo(10);
		assertThat(rotated.json().get("expiryDate").asLong()).isEqualTo(now.plus(Duration.ofDays(10)).toEpochMilli());
	}

	@Test
	void putWhenMaxExpiryTightenedThenExistingTokensKeepTheirExpiryAndKeepWorking() {
		String user = createUser("policy-tighten");
		Instant created = Instant.parse("2026-02-01T09:00:00.500Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, "{\"name\":\"long\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":90}");
		Instant expiry = created.plus(Duration.ofDays(90));
		assertThat(token.get("expiryDate").asLong()).isEqualTo(expiry.toEpochMilli());

		assertThat(putSettings("{\"maxExpiryDays\":30}").status()).isEqualTo(200);

		JsonNode stored = this.http.get("/rest/access-tokens/latest/users/" + user + "/" + token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send()
			.json();
		assertThat(stored.get("expiryDays").asInt()).isEqualTo(90);
		assertThat(stored.get("expiryDate").asLong()).isEqualTo(expiry.toEpochMilli());

		this.clock.setInstant(created.plus(Duration.ofDays(60)));
		Http.Response used = this.http.get("/rest/access-tokens/latest/self").bearer(token.get("token").asString()).send();
		assertThat(used.status()).as(used.toString()).isEqualTo(200);
		assertThat(used.json().get("expiryDate").asLong()).isEqualTo(expiry.toEpochMilli());
		assertThat(used.header("X-Token-Expiration")).isEqualTo("2026-05-02T09:00:00.500Z");

		this.clock.setInstant(expiry);
		assertErrors(this.http.get("/rest/access-tokens/latest/self").bearer(token.get("token").asString()).send(), 401,
				null);
	}

	@Test
	void createWhenMaxTokensPerOwnerLoweredThenTheNextCreateIsRejected() {
		String user = createUser("policy-count");
		assertThat(putSettings("{\"maxTokensPerOwner\":2}").status()).isEqualTo(200);
		createToken(user);
		createToken(user);

		Http.Response third = create(user, READ);

		assertErrors(third, 400, null);
		assertThat(third.json().get("errors").get(0).get("message").asString())
			.contains("already has the maximum number of tokens (2)");
		assertThat(listSize(user)).isEqualTo(2);
	}

	@Test
	void rotateWhenGraceAboveThePolicyMaximumThenBadRequestAndTheMaximumItselfIsAccepted() {
		String user = createUser("policy-grace");
		JsonNode token = createToken(user);
		String rotate = "/rest/access-tokens/latest/users/" + user + "/" + token.get("id").asString() + "/rotate";
		assertThat(putSettings("{\"maxRotationGraceMinutes\":5}").status()).isEqualTo(200);

		assertErrors(this.http.post(rotate).basicAuth(user, passwordOf(user)).json("{\"gracePeriodMinutes\":6}").send(),
				400, "gracePeriodMinutes");
		assertErrors(this.http.post("/rest/access-tokens/latest/self/rotate")
			.bearer(token.get("token").asString())
			.json("{\"gracePeriodMinutes\":6}")
			.send(), 400, "gracePeriodMinutes");
		// Nothing was rotated: the original secret is still the current one.
		assertThat(this.http.get("/rest/access-tokens/latest/self").bearer(token.get("token").asString()).send().status())
			.isEqualTo(200);

		Instant now = Instant.parse("2026-03-03T03:03:03Z");
		this.clock.setInstant(now);
		Http.Response rotated = this.http.post(rotate)
			.basicAuth(user, passwordOf(user))
			.json("{\"gracePeriodMinutes\":5}")
			.send();
		assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
		assertThat(rotated.json().get("previousSecretValidUntil").asLong())
			.isEqualTo(now.plus(Duration.ofMinutes(5)).toEpochMilli());
	}

	@Test
	void renewWhenTokenExpiredLongerAgoThanTheRenewalWindowThenBadRequest() {
		String user = createUser("policy-renew");
		Instant created = Instant.parse("2026-01-10T00:00:00Z");
		this.clock.setInstant(created);
		String id = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1}")
			.get("id")
			.asString();
		String renew = "/rest/access-tokens/latest/users/" + user + "/" + id + "/renew";
		Instant expiry = created.plus(Duration.ofDays(1));
		assertThat(putSettings("{\"renewExpiredWithinDays\":5}").status()).isEqualTo(200);

		this.clock.setInstant(expiry.plus(Duration.ofDays(5)));
		assertErrors(this.http.post(renew).basicAuth(user, passwordOf(user)).json("{\"expiryDays\":3}").send(), 400, null);

		Instant within = expiry.plus(Duration.ofDays(5)).minusMillis(1);
		this.clock.setInstant(within);
		Http.Response renewed = this.http.post(renew).basicAuth(user, passwordOf(user)).json("{\"expiryDays\":3}").send();
		assertThat(renewed.status()).as(renewed.toString()).isEqualTo(200);
		assertThat(renewed.json().get("expiryDate").asLong()).isEqualTo(within.plus(Duration.ofDays(3)).toEpochMilli());

		assertThat(putSettings("{\"renewExpiredWithinDays\":0}").status()).isEqualTo(200);
		this.clock.setInstant(within.plus(Duration.ofDays(3)).plusSeconds(1));
		assertErrors(this.http.post(renew).basicAuth(user, passwordOf(user)).json("{\"expiryDays\":3}").send(), 400, null);
	}

	private Http.Response putSettings(String body) {
		return this.http.put(SETTINGS).basicAuth(ADMIN, ADMIN_PASSWORD).json(body).send();
	}

	private JsonNode getSettings() {
		Http.Response response = this.http.get(SETTINGS).basicAuth(ADMIN, ADMIN_PASSWORD).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private Http.Response create(String user, String body) {
		return this.http.put("/rest/access-tokens/latest/users/" + user).basicAuth(user, passwordOf(user)).json(body).send();
	}

	private int listSize(String user) {
		return this.http.get("/rest/access-tokens/latest/users/" + user + "?limit=1000")
			.basicAuth(user, passwordOf(user))
			.send()
			.json()
			.get("size")
			.asInt();
	}

	private void grant(String user, String permission) {
		Http.Response response = this.http.put("/rest/api/1.0/admin/permissions/users?name=" + user + "&permission="
				+ permission)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
	}

}
