package dev.tokenkeeper.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.RawHttp;
import dev.tokenkeeper.server.support.RawHttp.Answer;
import dev.tokenkeeper.server.token.TokenSecrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one authentication path: Basic user:password, Basic user:token and Bearer token. */
class AuthenticationIntegrationTests extends IntegrationTestSupport {

	@Test
	void requestWhenAnyOfTheThreeCredentialFormsThenAuthenticated() {
		String user = createUser("creds");
		String token = createToken(user).get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;
		assertThat(this.http.get(path).basicAuth(user, passwordOf(user)).send().status()).isEqualTo(200);
		assertThat(this.http.get(path).basicAuth(user, token).send().status()).isEqualTo(200);
		assertThat(this.http.get(path).bearer(token).send().status()).isEqualTo(200);
		assertThat(this.http.get(path).auth("bearer " + token).send().status()).isEqualTo(200);
		assertThat(this.http.get(path).basicAuth(user.toUpperCase(), passwordOf(user)).send().status()).isEqualTo(200);
	}

	@Test
	void basicWhenTokenPresentedUnderAnotherNameThenRefusedAndNotAUseOfIt() {
		String user = createUser("named");
		String other = createUser("other");
		JsonNode created = createToken(user);
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + created.get("id").asString();

		assertErrors(this.http.get(path).basicAuth(other, created.get("token").asString()).send(), 401, null);

		assertThat(this.http.get(path).basicAuth(user, passwordOf(user)).send().json().has("lastAuthenticated"))
			.isFalse();
	}

	@Test
	void failureWhenForAnyReasonThenTheResponseIsIdentical() {
		String user = createUser("victim");
		String other = createUser("other");
		JsonNode created = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1}");
		String token = created.get("token").asString();
		String deletedToken = createToken(user).get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;
		String deletedId = TokenSecrets.parse(deletedToken).orElseThrow().id();
		assertThat(this.http.delete(path + "/" + deletedId).basicAuth(user, passwordOf(user)).send().status())
			.isEqualTo(204);

		List<Http.Response> failures = new ArrayList<>();
		failures.add(this.http.get(path).send());
		failures.add(this.http.get(path).basicAuth(user, "wrong password").send());
		failures.add(this.http.get(path).basicAuth("no-such-user", "whatever").send());
		failures.add(this.http.get(path).basicAuth(other, token).send());
		failures.add(this.http.get(path).bearer("BBDC-garbage").send());
		failures.add(this.http.get(path).bearer(token.substring(0, token.length() - 4) + "AAAA").send());
		failures.add(this.http.get(path).bearer(deletedToken).send());
		failures.add(this.http.get(path).auth("Basic %%%not-base64").send());
		failures.add(this.http.get(path).auth("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes())).send());
		failures.add(this.http.get(path).auth("Digest username=\"x\"").send());
		failures.add(this.http.get(path).basicAuth(user, "x".repeat(200)).send());
		this.clock.setInstant(Instant.now().plus(Duration.ofDays(2)));
		failures.add(this.http.get(path).bearer(token).send());

		Http.Response first = failures.get(0);
		assertErrors(first, 401, null);
		assertThat(first.header("WWW-Authenticate")).isEqualTo("Basic realm=\"Tokenkeeper\"");
		for (Http.Response failure : failures) {
			assertThat(failure.status()).isEqualTo(401);
			assertThat(failure.body()).isEqualTo(first.body());
			assertThat(failure.header("WWW-Authenticate")).isEqualTo(first.header("WWW-Authenticate"));
		}
	}

	@Test
	void tokenWhenDeletedThenRefusedAtOnceEvenThoughItWasJustUsed() {
		String user = createUser("revoker");
		JsonNode created = createToken(user);
		String token = created.get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;
		assertThat(this.http.get(path).bearer(token).send().status()).isEqualTo(200);

		assertThat(this.http.delete(path + "/" + created.get("id").asString()).basicAuth(user, passwordOf(user)).send().status())
			.isEqualTo(204);

		assertErrors(this.http.get(path).bearer(token).send(), 401, null);
		assertErrors(this.http.get(path).basicAuth(user, token).send(), 401, null);
	}

	@Test
	void tokenWhenExpiredThenRefusedButStillListedWithItsExpiryDate() {
		String user = createUser("expiring");
		Instant created = Instant.parse("2026-02-01T12:00:00Z");
		this.clock.setInstant(created);
		JsonNode token = createToken(user, "{\"name\":\"short\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":7}");
		String raw = token.get("token").asString();
		Instant expiry = created.plus(Duration.ofDays(7));
		String path = "/rest/access-tokens/1.0/users/" + user;

		this.clock.setInstant(expiry.minusMillis(1));
		assertThat(this.http.get(path).bearer(raw).send().status()).isEqualTo(200);

		this.clock.setInstant(expiry);
		assertErrors(this.http.get(path).bearer(raw).send(), 401, null);
		assertErrors(this.http.get(path).basicAuth(user, raw).send(), 401, null);

		JsonNode list = this.http.get(path).basicAuth(user, passwordOf(user)).send().json();
		assertThat(list.get("size").asInt()).isEqualTo(1);
		assertThat(list.get("values").get(0).get("expiryDate").asLong()).isEqualTo(expiry.toEpochMilli());
		assertThat(list.get("values").get(0).get("expiryDays").asInt()).isEqualTo(7);
	}

	@Test
	void basicWhenTokenBelongsToAnotherUserThenRefused() {
		String alice = createUser("alice");
		String bob = createUser("bob");
		String alicesToken = createToken(alice).get("token").asString();
		assertErrors(this.http.get("/rest/access-tokens/1.0/users/" + bob).basicAuth(bob, alicesToken).send(), 401,
				null);
		assertErrors(this.http.get("/rest/access-tokens/1.0/users/" + alice).basicAuth(bob, alicesToken).send(), 401,
				null);
	}

	@Test
	void requestWhenTwoAuthorizationHeadersThenRefused() throws Exception {
		String user = createUser("twice");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(this.http.baseUrl() + "/rest/access-tokens/1.0/users/" + user))
			.header("Authorization", Http.basic(user, passwordOf(user)))
			.header("Authorization", Http.basic(ADMIN, ADMIN_PASSWORD))
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("\"errors\"");
	}

	/**
	 * The firewall's header value rule, checked by {@link HeaderRule}: a control character in the
	 * header is refused before authentication; a tab or any other Latin-1 character passes it.
	 */
	@Test
	void authorizationHeaderWhenItHoldsAControlCharacterThen400AndOtherwiseItIsAuthenticatedAsUsual() {
		String user = createUser("firewall");
		String token = createToken(user).get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;
		RawHttp raw = new RawHttp(URI.create(this.http.baseUrl()).getPort());

		Answer control = raw.send(get(path, "Bearer " + token + "\u0085"));
		assertThat(control.status()).isEqualTo(400);
		assertThat(control.body()).startsWith("{\"errors\":[");
		assertThat(raw.send(get(path, "Bearer " + token + "\u00e9")).status()).isEqualTo(401);
		assertThat(raw.send(get(path, "Bearer \t" + token)).status()).isEqualTo(200);
		assertThat(raw.send(get(path, "Bearer " + token)).status()).isEqualTo(200);
	}

	private static byte[] get(String path, String authorization) {
		return RawHttp.request("GET " + path + " HTTP/1.1",
				List.of("Host: 127.0.0.1", "Authorization: " + authorization, "Connection: close"), null);
	}

	@Test
	void passwordWhenUsedRepeatedlyThenStillCheckedAgainstTheCurrentPassword() {
		String user = createUser("repeat");
		String path = "/rest/access-tokens/1.0/users/" + user;
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get(path).basicAuth(user, passwordOf(user)).send().status()).isEqualTo(200);
		}
		assertThat(this.http.put("/rest/api/1.0/admin/users/credentials")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"name\":\"" + user + "\",\"password\":\"brand-new-pw\",\"passwordConfirm\":\"brand-new-pw\"}")
			.send()
			.status()).isEqualTo(204);
		assertErrors(this.http.get(path).basicAuth(user, passwordOf(user)).send(), 401, null);
		assertThat(this.http.get(path).basicAuth(user, "brand-new-pw").send().status()).isEqualTo(200);
	}

	@Test
	void responseWhenAuthenticatedThenNoSessionCookieIsIssued() {
		String user = createUser("stateless");
		Http.Response response = this.http.get("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
	}

}
