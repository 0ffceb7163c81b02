package dev.tokenkeeper.server.token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Rotate: a new secret for the same token, with an overlap window in which the old one still works. */
@ExtendWith(OutputCaptureExtension.class)
class TokenRotationIntegrationTests extends IntegrationTestSupport {

	private static final Instant T0 = Instant.parse("2026-07-01T12:00:00Z");

	@Autowired
	private DataSource dataSource;

	@Test
	void rotateWhenGracePeriodGivenThenTheOldSecretWorksUntilTheDeadlineAndNeverAfter() {
		String user = createUser("rotator");
		JsonNode token = createAt(user, T0, 30);
		String old = token.get("token").asString();
		Instant rotatedAt = T0.plus(Duration.ofDays(3));
		this.clock.setInstant(rotatedAt);

		Http.Response response = rotate(user, token, Http.basic(user, passwordOf(user)),
				"{\"gracePeriodMinutes\":60}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("Cache-Control")).contains("no-store");
		JsonNode rotated = response.json();
		String fresh = rotated.get("token").asString();
		Instant deadline = rotatedAt.plus(Duration.ofMinutes(60));
		assertThat(fresh).startsWith("BBDC-").isNotEqualTo(old);
		assertThat(rotated.get("id").asString()).isEqualTo(token.get("id").asString());
		assertThat(rotated.get("name").asString()).isEqualTo("ci");
		assertThat(rotated.get("permissions").toString()).isEqualTo("[\"REPO_WRITE\",\"PROJECT_READ\"]");
		assertThat(rotated.get("previousSecretValidUntil").asLong()).isEqualTo(deadline.toEpochMilli());
		assertThat(rotated.get("expiryDate").asLong()).isEqualTo(rotatedAt.plus(Duration.ofDays(30)).toEpochMilli());

		assertThat(use(user, fresh)).isEqualTo(200);
		assertThat(use(user, old)).isEqualTo(200);
		this.clock.setInstant(deadline.minusMillis(1));
		assertThat(use(user, old)).isEqualTo(200);
		this.clock.setInstant(deadline);
		assertThat(use(user, old)).isEqualTo(401);
		assertThat(use(user, fresh)).isEqualTo(200);
	}

	@Test
	void rotateWhenRotatedAgainThenTheFirstOverlapWindowEndsAtOnce() {
		String user = createUser("twicerotated");
		JsonNode token = createAt(user, T0, 30);
		String first = token.get("token").asString();
		String second = rotate(user, token, Http.basic(user, passwordOf(user)), "{\"gracePeriodMinutes\":600}").json()
			.get("token")
			.asString();
		this.clock.setInstant(T0.plus(Duration.ofMinutes(5)));
		String third = rotate(user, token, Http.basic(user, passwordOf(user)), "{\"gracePeriodMinutes\":600}").json()
			.get("token")
			.asString();

		assertThat(use(user, first)).isEqualTo(401);
		assertThat(use(user, second)).isEqualTo(200);
		assertThat(use(user, third)).isEqualTo(200);
	}

	@Test
	void rotateWhenNoGracePeriodThenTheOldSecretStopsAtOnce() {
		String user = createUser("hardcut");
		JsonNode token = createAt(user, T0, 30);
		String old = token.get("token").asString();
		assertThat(use(user, old)).isEqualTo(200);

		JsonNode rotated = rotate(user, token, Http.basic(user, passwordOf(user)), null).json();

		assertThat(rotated.has("previousSecretValidUntil")).isFalse();
		assertThat(use(user, old)).isEqualTo(401);
		assertThat(use(user, rotated.get("token").asString())).isEqualTo(200);
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send()
			.body()).doesNotContain(rotated.get("token").asString()).doesNotContain("previousSecretValidUntil");
	}

	@Test
	void rotateWhenTokenHasExpiredThenTheNewSecretStartsANewLifetimeAndTheOldOneStaysDead() {
		String user = createUser("expiredrotate");
		JsonNode token = createAt(user, T0, 7);
		Instant later = T0.plus(Duration.ofDays(100));
		this.clock.setInstant(later);
		assertThat(use(user, token.get("token").asString())).isEqualTo(401);

		JsonNode rotated = rotate(user, token, Http.basic(user, passwordOf(user)),
				"{\"expiryDays\":14,\"gracePeriodMinutes\":60}")
			.json();

		assertThat(rotated.get("expiryDate").asLong()).isEqualTo(later.plus(Duration.ofDays(14)).toEpochMilli());
		assertThat(rotated.has("previousSecretValidUntil")).isFalse();
		assertThat(use(user, rotated.get("token").asString())).isEqualTo(200);
		assertThat(use(user, token.get("token").asString())).isEqualTo(401);
	}

	@Test
	void presentWhenSecretWasRotatedOutThenRefusedLikeAnyBadCredentialAndLoggedAsAPossibleLeak(CapturedOutput output) {
		String user = createUser("leaky");
		JsonNode token = createAt(user, T0, 30);
		String old = token.get("token").asString();
		rotate(user, token, Http.basic(user, passwordOf(user)), "{\"gracePeriodMinutes\":1}");
		this.clock.setInstant(T0.plus(Duration.ofMinutes(2)));

		Http.Response refused = this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(old).send();
		Http.Response unknown = this.http.get("/rest/access-tokens/1.0/users/" + user).bearer("BBDC-nonsense").send();

		assertErrors(refused, 401, null);
		assertThat(refused.body()).isEqualTo(unknown.body());
		String id = token.get("id").asString();
		assertThat(output.getAll()).containsPattern("WARN .*Access token " + id + " was presented with a secret that was rotated out")
			.doesNotContain(old)
			.doesNotContain(old.substring(5));
	}

	@Test
	void rotateWhenTwoRotationsRaceThenExactlyOneWinsAndTheOtherChangesNothing() throws Exception {
		String user = createUser("racer");
		JsonNode token = createAt(user, T0, 30);
		String id = token.get("id").asString();
		List<CompletableFuture<Http.Response>> racers;
		try (Connection lock = this.dataSource.getConnection()) {
			// Hold the token's row, so both rotations read the same version and then queue on their write.
			lock.setAutoCommit(false);
			try (PreparedStatement select = lock.prepareStatement("SELECT id FROM access_token WHERE id = ? FOR UPDATE")) {
				select.setString(1, id);
				select.executeQuery().close();
			}
			racers = List.of(
					CompletableFuture.supplyAsync(() -> rotate(user, token, Http.basic(user, passwordOf(user)), null)),
					CompletableFuture.supplyAsync(() -> rotate(user, token, Http.basic(user, passwordOf(user)), null)));
			awaitBlockedSessions(lock, 2);
			lock.commit();
		}
		List<Http.Response> responses = racers.stream().map(CompletableFuture::join).toList();

		assertThat(responses).extracting(Http.Response::status).containsExactlyInAnyOrder(200, 409);
		Http.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
		assertErrors(loser, 409, null);
		String winner = responses.stream().filter(r -> r.status() == 200).findFirst().orElseThrow().json().get("token").asString();
		assertThat(use(user, winner)).isEqualTo(200);
		assertThat(use(user, token.get("token").asString())).isEqualTo(401);
	}

	@Test
	void rotateWhenNotTheOwnerByPasswordThenRefusedAndTheSecretStays() {
		String user = createUser("guarded");
		String stranger = createUser("thief");
		JsonNode token = createAt(user, T0, 30);
		String raw = token.get("token").asString();
		assertErrors(rotate(user, token, Http.basic(ADMIN, ADMIN_PASSWORD), null), 401, null);
		assertErrors(rotate(user, token, Http.basic(stranger, passwordOf(stranger)), null), 401, null);
		assertErrors(rotate(user, token, Http.bearer(raw), null), 401, null);
		assertErrors(rotate(user, token, Http.basic(user, raw), null), 401, null);
		assertThat(use(user, raw)).isEqualTo(200);
	}

	@Test
	void rotateWhenOptionsAreInvalidThenBadRequestAndTheSecretStays() {
		String user = createUser("badrotate");
		JsonNode token = createAt(user, T0, 30);
		String password = Http.basic(user, passwordOf(user));
		assertErrors(rotate(user, token, password, "{\"gracePeriodMinutes\":-1}"), 400, "gracePeriodMinutes");
		assertErrors(rotate(user, token, password, "{\"gracePeriodMinutes\":10081}"), 400, "gracePeriodMinutes");
		assertErrors(rotate(user, token, password, "{\"expiryDays\":0}"), 400, "expiryDays");
		assertErrors(rotate(user, token, password, "{\"gracePeriodMinutes\":\"ten\"}"), 400, "gracePeriodMinutes");
		assertThat(use(user, token.get("token").asString())).isEqualTo(200);
	}

	private void awaitBlockedSessions(Connection connection, int count) throws Exception {
		Instant deadline = Instant.now().plusSeconds(10);
		while (true) {
			if (TestDatabase.blockedSessions(connection) >= count) {
				return;
			}
			assertThat(Instant.now()).as("both rotations waiting on the row").isBefore(deadline);
			Thread.onSpinWait();
		}
	}

	private JsonNode createAt(String user, Instant at, int expiryDays) {
		this.clock.setInstant(at);
		return createToken(user,
				"{\"name\":\"ci\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"],\"expiryDays\":" + expiryDays + "}");
	}

	private Http.Response rotate(String user, JsonNode token, String auth, String body) {
		Http.Request request = this.http
			.post("/rest/access-tokens/latest/users/" + user + "/" + token.get("id").asString() + "/rotate")
			.auth(auth);
		return (body == null ? request : request.json(body)).send();
	}

	private int use(String user, String raw) {
		return this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(raw).send().status();
	}

}
