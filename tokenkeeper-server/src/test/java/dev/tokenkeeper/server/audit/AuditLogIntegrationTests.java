package dev.tokenkeeper.server.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Every security-relevant event is recorded durably, with who, from where, and on what; never a secret. */
class AuditLogIntegrationTests extends IntegrationTestSupport {

	private static final String AUDIT = "/rest/tokenkeeper/1.0/audit";

	@Autowired
	private AuditLog auditLog;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void tokenLifecycleWhenRunThenEveryStepIsRecordedNewestFirstWithActorAndSource() {
		String user = createUser("audited");
		JsonNode created = createToken(user);
		String id = created.get("id").asString();
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + id;
		String password = passwordOf(user);
		assertThat(this.http.post(path).basicAuth(user, password).json("{\"name\":\"renamed\"}").send().status()).isEqualTo(200);
		assertThat(this.http.post(path + "/renew").basicAuth(user, password).json("{\"expiryDays\":5}").send().status())
			.isEqualTo(200);
		String rotated = this.http.post(path + "/rotate").basicAuth(user, password).send().json().get("token").asString();
		assertThat(this.http.post("/rest/access-tokens/latest/self/rotate").bearer(rotated).send().status()).isEqualTo(200);
		assertThat(this.http.delete(path).basicAuth(user, password).send().status()).isEqualTo(204);

		JsonNode page = audit("?tokenId=" + id);

		assertThat(types(page)).containsExactly("TOKEN_DELETED", "TOKEN_SELF_ROTATED", "TOKEN_ROTATED", "TOKEN_RENEWED",
				"TOKEN_UPDATED", "TOKEN_CREATED");
		JsonNode createdEvent = page.get("values").get(5);
		assertThat(createdEvent.get("actor").asString()).isEqualTo(user);
		assertThat(createdEvent.get("user").asString()).isEqualTo(user);
		assertThat(createdEvent.get("target").asString()).isEqualTo("user " + user);
		assertThat(createdEvent.get("sourceAddress").asString()).isEqualTo("127.0.0.1");
		assertThat(createdEvent.get("outcome").asString()).isEqualTo("SUCCESS");
		JsonNode selfRotated = page.get("values").get(1);
		assertThat(selfRotated.get("actorTokenId").asString()).isEqualTo(id);
		assertThat(page.toString()).doesNotContain(created.get("token").asString()).doesNotContain(rotated)
			.doesNotContain(password);
	}

	@Test
	void failedLoginsWhenManyThenCountedInRowsPerSourceAndNameNotOneRowEach() {
		String user = createUser("probed");
		for (int i = 0; i < 5; i++) {
			assertThat(this.http.get("/rest/api/1.0/users").basicAuth(user, "guess-" + i).send().status()).isEqualTo(401);
		}
		this.auditLog.flushFailures();

		JsonNode page = audit("?user=" + user + "&type=AUTHENTICATION_FAILED");

		// One row per flush: the scheduled flush may have split the five into two rows.
		assertThat(page.get("size").asInt()).isBetween(1, 2);
		assertThat(page.get("values").valueStream().mapToInt(row -> row.get("count").asInt()).sum()).isEqualTo(5);
		assertThat(page.get("values")).allSatisfy(row -> {
			assertThat(row.get("outcome").asString()).isEqualTo("FAILURE");
			assertThat(row.get("sourceAddress").asString()).isEqualTo("127.0.0.1");
		});
	}

	@Test
	void expiredOrRotatedOutSecretWhenPresentedThenRecordedAgainstTheToken() {
		String user = createUser("stale");
		this.clock.setInstant(Instant.parse("2026-02-02T00:00:00Z"));
		JsonNode token = createToken(user, "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1}");
		String id = token.get("id").asString();
		String old = token.get("token").asString();
		this.http.post("/rest/access-tokens/1.0/users/" + user + "/" + id + "/rotate").basicAuth(user, passwordOf(user)).send();
		String fresh = this.http.post("/rest/access-tokens/1.0/users/" + user + "/" + id + "/rotate")
			.basicAuth(user, passwordOf(user))
			.send()
			.json()
			.get("token")
			.asString();
		assertThat(this.http.get("/rest/api/1.0/users").bearer(old).send().status()).isEqualTo(401);
		this.clock.setInstant(Instant.parse("2026-02-02T00:00:00Z").plus(Duration.ofDays(2)));
		assertThat(this.http.get("/rest/api/1.0/users").bearer(fresh).send().status()).isEqualTo(401);
		this.clock.reset();
		this.auditLog.flushFailures();

		assertThat(types(audit("?tokenId=" + id + "&type=ROTATED_OUT_SECRET_USED"))).containsExactly(
				"ROTATED_OUT_SECRET_USED");
		assertThat(types(audit("?tokenId=" + id + "&type=EXPIRED_TOKEN_USED"))).containsExactly("EXPIRED_TOKEN_USED");
	}

	@Test
	void administrationWhenUsersGrantsAndPolicyChangeThenRecorded() {
		String user = createUser("managed");
		assertThat(this.http.put("/rest/api/1.0/admin/permissions/users?name=" + user + "&permission=PROJECT_CREATE")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
		assertThat(this.http.put("/rest/api/1.0/admin/users/credentials")
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"name\":\"" + user + "\",\"password\":\"n3w-pw\",\"passwordConfirm\":\"n3w-pw\"}")
			.send()
			.status()).isEqualTo(204);
		assertThat(this.http.delete("/rest/api/1.0/admin/users?name=" + user).basicAuth(ADMIN, ADMIN_PASSWORD).send().status())
			.isEqualTo(200);

		JsonNode page = audit("?user=" + user);

		assertThat(types(page)).containsExactly("USER_DELETED", "PASSWORD_CHANGED", "GLOBAL_PERMISSION_CHANGED",
				"USER_CREATED");
		assertThat(page.get("values").get(2).get("details").asString()).isEqualTo("LICENSED_USER -> PROJECT_CREATE");
		assertThat(page.get("values").get(0).get("actor").asString()).isEqualTo(ADMIN);
		assertThat(page.toString()).doesNotContain("n3w-pw").doesNotContain(passwordOf(user));
	}

	@Test
	void readWhenNotAnAdministratorOrFiltersAreWrongThenRefused() {
		String user = createUser("curious");
		assertErrors(this.http.get(AUDIT).basicAuth(user, passwordOf(user)).send(), 401, null);
		assertErrors(this.http.get(AUDIT + "?type=NOPE").basicAuth(ADMIN, ADMIN_PASSWORD).send(), 400, "type");
		assertErrors(this.http.get(AUDIT + "?since=yesterday").basicAuth(ADMIN, ADMIN_PASSWORD).send(), 400, "since");
	}

	@Test
	void sinceAndUntilWhenGivenThenOnlyEventsInThatWindow() {
		Instant before = Instant.parse("2026-03-03T00:00:00Z");
		this.clock.setInstant(before);
		String user = createUser("windowed");
		this.clock.setInstant(before.plus(Duration.ofHours(2)));
		createToken(user);
		assertThat(types(audit("?user=" + user + "&since=" + before.plus(Duration.ofHours(1)))))
			.containsExactly("TOKEN_CREATED");
		assertThat(types(audit("?user=" + user + "&until=" + before.plus(Duration.ofHours(1)).toEpochMilli())))
			.containsExactly("USER_CREATED");
	}

	@Test
	void auditTableWhenAFullLifecycleRanThenHoldsNoSecret() {
		String user = createUser("hygiene");
		JsonNode token = createToken(user);
		this.http.get("/rest/api/1.0/users").bearer(token.get("token").asString() + "x").send();
		this.auditLog.flushFailures();
		String everything = String.join("\n", this.jdbc.sql("SELECT * FROM audit_event")
			.query((rs, row) -> {
				List<String> values = new ArrayList<>();
				for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
					values.add(String.valueOf(rs.getObject(i)));
				}
				return String.join("|", values);
			})
			.list());
		assertThat(everything).contains(token.get("id").asString())
			.doesNotContain(token.get("token").asString().substring(5))
			.doesNotContain(passwordOf(user));
	}

	@Test
	void cleanupWhenEventsAreOlderThanTheRetentionThenDeleted() {
		String user = createUser("ancient");
		assertThat(audit("?user=" + user).get("size").asInt()).isEqualTo(1);
		this.clock.setInstant(Instant.now().plus(Duration.ofDays(366)));
		this.auditLog.deleteExpired();
		this.clock.reset();
		assertThat(audit("?user=" + user).get("size").asInt()).isZero();
	}

	private JsonNode audit(String query) {
		Http.Response response = this.http.get(AUDIT + query).basicAuth(ADMIN, ADMIN_PASSWORD).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static List<String> types(JsonNode page) {
		List<String> types = new ArrayList<>();
		page.get("values").forEach(event -> types.add(event.get("type").asString()));
		return types;
	}

}
