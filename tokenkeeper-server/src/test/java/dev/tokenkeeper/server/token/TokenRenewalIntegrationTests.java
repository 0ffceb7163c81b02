package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Renew: same id, same secret, a new lifetime from now; also shortly after expiry. */
class TokenRenewalIntegrationTests extends IntegrationTestSupport {

	private static final Instant T0 = Instant.parse("2026-04-01T08:00:00Z");

	@AfterEach
	void restorePolicy() {
		assertThat(this.http.put("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"maxExpiryDays\":null,\"renewExpiredWithinDays\":30}")
			.send()
			.status()).isEqualTo(200);
	}

	@Test
	void renewWhenBeforeExpiryThenSameSecretWorksUntilTheNewExpiry() {
		String user = createUser("renewer");
		JsonNode token = createAt(user, T0, 30);
		Instant renewedAt = T0.plus(Duration.ofDays(10));
		this.clock.setInstant(renewedAt);

		Http.Response response = renew(user, token, Http.basic(user, passwordOf(user)), "{\"expiryDays\":60}");

		assertThat(response.status()).isEqualTo(200);
		JsonNode renewed = response.json();
		assertThat(renewed.get("id").asString()).isEqualTo(token.get("id").asString());
		assertThat(renewed.get("expiryDays").asInt()).isEqualTo(60);
		assertThat(renewed.get("expiryDate").asLong()).isEqualTo(renewedAt.plus(Duration.ofDays(60)).toEpochMilli());
		assertThat(renewed.get("createdDate").asLong()).isEqualTo(T0.toEpochMilli());
		assertThat(renewed.has("token")).isFalse();
		this.clock.setInstant(renewedAt.plus(Duration.ofDays(60)).minusMillis(1));
		assertThat(useToken(user, token)).isEqualTo(200);
		this.clock.setInstant(renewedAt.plus(Duration.ofDays(60)));
		assertThat(useToken(user, token)).isEqualTo(401);
	}

	@Test
	void renewWhenNoBodyThenTheTokenKeepsItsOwnLifetime() {
		String user = createUser("renewdefault");
		JsonNode token = createAt(user, T0, 14);
		Instant renewedAt = T0.plus(Duration.ofDays(13));
		this.clock.setInstant(renewedAt);
		Http.Response response = this.http
			.post("/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString() + "/renew")
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("expiryDate").asLong())
			.isEqualTo(renewedAt.plus(Duration.ofDays(14)).toEpochMilli());
	}

	@Test
	void renewWhenExpiredWithinTheWindowThenTheSameSecretWorksAgain() {
		String user = createUser("lapsed");
		JsonNode token = createAt(user, T0, 7);
		Instant late = T0.plus(Duration.ofDays(7 + 29));
		this.clock.setInstant(late);
		assertThat(useToken(user, token)).isEqualTo(401);

		assertThat(renew(user, token, Http.basic(user, passwordOf(user)), "{}").status()).isEqualTo(200);

		assertThat(useToken(user, token)).isEqualTo(200);
	}

	@Test
	void renewWhenExpiredLongerThanTheWindowThenRefusedWithAdviceToRotate() {
		String user = createUser("toolate");
		JsonNode token = createAt(user, T0, 7);
		this.clock.setInstant(T0.plus(Duration.ofDays(7 + 30)));

		Http.Response response = renew(user, token, Http.basic(user, passwordOf(user)), "{}");

		assertErrors(response, 400, null);
		assertThat(response.json().get("errors").get(0).get("message").asString()).contains("rotate");
		assertThat(useToken(user, token)).isEqualTo(401);
	}

	@Test
	void renewWhenWindowIsZeroThenAnExpiredTokenCannotBeRenewed() {
		setPolicy("{\"renewExpiredWithinDays\":0}");
		String user = createUser("nowindow");
		JsonNode token = createAt(user, T0, 7);
		this.clock.setInstant(T0.plus(Duration.ofDays(7)));
		assertErrors(renew(user, token, Http.basic(user, passwordOf(user)), "{}"), 400, null);
	}

	@Test
	void renewWhenOverThePolicyMaximumThenRefusedAndTheExpiryStays() {
		String user = createUser("greedy");
		JsonNode token = createAt(user, T0, 30);
		setPolicy("{\"maxExpiryDays\":60}");
		this.clock.setInstant(T0.plus(Duration.ofDays(1)));

		assertErrors(renew(user, token, Http.basic(user, passwordOf(user)), "{\"expiryDays\":61}"), 400, "expiryDays");
		assertErrors(renew(user, token, Http.basic(user, passwordOf(user)), "{\"expiryDays\":0}"), 400, "expiryDays");

		assertThat(get(user, token).get("expiryDate").asLong()).isEqualTo(T0.plus(Duration.ofDays(30)).toEpochMilli());
		assertThat(renew(user, token, Http.basic(user, passwordOf(user)), "{\"expiryDays\":60}").status()).isEqualTo(200);
	}

	@Test
	void renewWhenTokenNeverExpiredThenItGetsThePolicyDefaultLifetime() {
		String user = createUser("forever");
		this.clock.setInstant(T0);
		JsonNode token = createToken(user);
		assertThat(renew(user, token, Http.basic(user, passwordOf(user)), null).json().get("expiryDate").asLong())
			.isEqualTo(T0.plus(Duration.ofDays(90)).toEpochMilli());
	}

	@Test
	void renewWhenAttemptedWithATokenThenRefusedEvenForItself() {
		String user = createUser("selfrenew");
		JsonNode token = createAt(user, T0, 30);
		JsonNode other = createAt(user, T0, 30);
		this.clock.setInstant(T0.plus(Duration.ofDays(1)));
		String raw = token.get("token").asString();

		assertErrors(renew(user, token, Http.bearer(raw), "{}"), 401, null);
		assertErrors(renew(user, other, Http.bearer(raw), "{}"), 401, null);
		assertErrors(renew(user, token, Http.basic(user, raw), "{}"), 401, null);
		assertThat(get(user, token).get("expiryDate").asLong()).isEqualTo(T0.plus(Duration.ofDays(30)).toEpochMilli());
	}

	@Test
	void renewWhenByAnAdministratorThenAllowedAndByAnotherUserThenRefused() {
		String user = createUser("managed");
		String stranger = createUser("meddler");
		JsonNode token = createAt(user, T0, 30);
		this.clock.setInstant(T0.plus(Duration.ofDays(2)));

		assertErrors(renew(user, token, Http.basic(stranger, passwordOf(stranger)), "{}"), 401, null);
		assertThat(renew(user, token, Http.basic(ADMIN, ADMIN_PASSWORD), "{\"expiryDays\":5}").status()).isEqualTo(200);
		assertThat(get(user, token).get("expiryDays").asInt()).isEqualTo(5);
	}

	@Test
	void renewWhenTokenOrUserUnknownThenNotFound() {
		String user = createUser("ghost");
		assertErrors(this.http.post("/rest/access-tokens/1.0/users/" + user + "/000000000000/renew")
			.basicAuth(user, passwordOf(user))
			.json("{}")
			.send(), 404, null);
		assertErrors(this.http.post("/rest/access-tokens/1.0/users/nobody-here/000000000000/renew")
			.basicAuth(user, passwordOf(user))
			.json("{}")
			.send(), 404, null);
	}

	private JsonNode createAt(String user, Instant at, int expiryDays) {
		this.clock.setInstant(at);
		return createToken(user,
				"{\"name\":\"ci\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"],\"expiryDays\":" + expiryDays + "}");
	}

	private Http.Response renew(String user, JsonNode token, String auth, String body) {
		Http.Request request = this.http
			.post("/rest/access-tokens/latest/users/" + user + "/" + token.get("id").asString() + "/renew")
			.auth(auth);
		return (body == null ? request : request.json(body)).send();
	}

	private JsonNode get(String user, JsonNode token) {
		return this.http.get("/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send()
			.json();
	}

	private int useToken(String user, JsonNode token) {
		return this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(token.get("token").asString()).send().status();
	}

	private void setPolicy(String json) {
		assertThat(this.http.put("/rest/access-tokens/latest/admin/settings")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json(json)
			.send()
			.status()).isEqualTo(200);
	}

}
