package dev.tokenkeeper.server.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.EmbeddedPostgresServer;
import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.ServerNode;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two real server nodes on random ports sharing one real PostgreSQL. Their caches would keep
 * an entry for ten minutes, so anything refused within a second was refused because the other
 * node's change reached this one through the database.
 */
@Tag(TestDatabase.ALWAYS_POSTGRESQL)
class ClusterIntegrationTests {

	private static final String ADMIN_PASSWORD = "cluster-admin-pw";

	private static final Duration PROPAGATION = Duration.ofSeconds(1);

	private static final AtomicInteger USERS = new AtomicInteger();

	private static ServerNode a;

	private static ServerNode b;

	private static Map<String, String> database;

	@BeforeAll
	static void startTwoNodesAtOnce() throws Exception {
		database = TestDatabase.freshPostgresql(Files.createTempDirectory("tokenkeeper-cluster"));
		CompletableFuture<ServerNode> first = CompletableFuture.supplyAsync(() -> start("node-a"));
		CompletableFuture<ServerNode> second = CompletableFuture.supplyAsync(() -> start("node-b"));
		a = first.join();
		b = second.join();
		awaitReady(a);
		awaitReady(b);
	}

	private static ServerNode start(String name) {
		Map<String, String> properties = new java.util.LinkedHashMap<>(database);
		properties.put("tokenkeeper.users.admin-password", ADMIN_PASSWORD);
		properties.put("tokenkeeper.cluster.cache-max-age", "10m");
		return ServerNode.start(name, properties);
	}

	@AfterAll
	static void stopNodes() {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
	}

	@AfterEach
	void resetClocks() {
		a.clock().reset();
		b.clock().reset();
	}

	@Test
	void healthWhenBothNodesRunThenBothAreReadyAndHearEachOther() {
		for (ServerNode node : List.of(a, b)) {
			Http.Response health = node.http().get("/actuator/health").send();
			assertThat(health.status()).as(node.name()).isEqualTo(200);
			assertThat(health.json().get("status").asString()).isEqualTo("UP");
			assertThat(node.http().get("/actuator/health/readiness").send().status()).isEqualTo(200);
			assertThat(node.http().get("/actuator/health/liveness").send().status()).isEqualTo(200);
		}
	}

	@Test
	void backupWhenOnPostgresqlThenRefusedBecauseTheDatabaseIsBackedUpWithItsOwnTools() {
		Http.Response response = a.http().post("/rest/tokenkeeper/1.0/admin/backup").basicAuth("admin", ADMIN_PASSWORD).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(409);
		assertThat(response.body()).contains("its own tools");
	}

	@Test
	void createWhenOnNodeAThenTheTokenAuthenticatesOnNodeB() {
		String user = createUser(a);
		JsonNode token = createToken(a, user);

		assertThat(use(b, user, token.get("token").asString())).isEqualTo(200);
		assertThat(use(a, user, token.get("token").asString())).isEqualTo(200);
	}

	@Test
	void deleteWhenOnNodeAThenNodeBRefusesTheTokenWithinOneSecond() {
		String user = createUser(a);
		JsonNode token = createToken(a, user);
		String raw = token.get("token").asString();
		assertThat(use(b, user, raw)).isEqualTo(200);

		assertThat(a.http()
			.delete("/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send()
			.status()).isEqualTo(204);

		assertWithin(PROPAGATION, "node B refuses the deleted token", () -> use(b, user, raw) == 401);
	}

	@Test
	void updateAndRenewWhenOnNodeBThenNodeASeesTheNewStateWithinOneSecond() {
		String user = createUser(a);
		JsonNode token = createToken(a, user);
		String raw = token.get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString();
		Instant now = Instant.parse("2026-08-01T10:00:00Z");
		a.clock().setInstant(now);
		b.clock().setInstant(now);
		assertThat(expirationSeen(a, raw)).isNull();

		assertThat(b.http().post(path + "/renew").basicAuth(user, passwordOf(user)).json("{\"expiryDays\":5}").send().status())
			.isEqualTo(200);

		String expected = now.plus(Duration.ofDays(5)).toString();
		assertWithin(PROPAGATION, "node A announces the renewed expiry", () -> expected.equals(expirationSeen(a, raw)));
	}

	@Test
	void rotateWhenGraceGivenOnNodeBThenNodeAHonoursTheOldSecretUntilTheDeadline() {
		Instant rotatedAt = Instant.parse("2026-09-01T12:00:00Z");
		a.clock().setInstant(rotatedAt);
		b.clock().setInstant(rotatedAt);
		String user = createUser(a);
		JsonNode token = createToken(a, user);
		String old = token.get("token").asString();
		assertThat(use(a, user, old)).isEqualTo(200);

		Http.Response rotated = b.http()
			.post("/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString() + "/rotate")
			.basicAuth(user, passwordOf(user))
			.json("{\"gracePeriodMinutes\":60}")
			.send();
		assertThat(rotated.status()).isEqualTo(200);
		String fresh = rotated.json().get("token").asString();

		assertWithin(PROPAGATION, "node A accepts the new secret", () -> use(a, user, fresh) == 200);
		assertThat(use(a, user, old)).isEqualTo(200);
		Instant deadline = rotatedAt.plus(Duration.ofMinutes(60));
		a.clock().setInstant(deadline.minusMillis(1));
		assertThat(use(a, user, old)).isEqualTo(200);
		a.clock().setInstant(deadline);
		assertThat(use(a, user, old)).isEqualTo(401);
		assertThat(use(a, user, fresh)).isEqualTo(200);
	}

	@Test
	void changePasswordWhenOnNodeAThenCachedBasicAuthenticationEndsOnNodeB() {
		String user = createUser(a);
		assertThat(b.http().get("/rest/api/1.0/users/" + user).basicAuth(user, passwordOf(user)).send().status())
			.isEqualTo(200);

		assertThat(a.http()
			.put("/rest/api/1.0/users/credentials")
			.basicAuth(user, passwordOf(user))
			.json("{\"oldPassword\":\"%s\",\"password\":\"new-pw-1\",\"passwordConfirm\":\"new-pw-1\"}"
				.formatted(passwordOf(user)))
			.send()
			.status()).isEqualTo(204);

		assertWithin(PROPAGATION, "node B refuses the old password",
				() -> b.http().get("/rest/api/1.0/users/" + user).basicAuth(user, passwordOf(user)).send().status() == 401);
		assertThat(b.http().get("/rest/api/1.0/users/" + user).basicAuth(user, "new-pw-1").send().status())
			.isEqualTo(200);
	}

	@Test
	void deleteUserWhenOnNodeBThenNodeARefusesTheirTokenWithinOneSecond() {
		String user = createUser(a);
		String raw = createToken(a, user).get("token").asString();
		assertThat(use(a, user, raw)).isEqualTo(200);

		assertThat(b.http().delete("/rest/api/1.0/admin/users?name=" + user).basicAuth("admin", ADMIN_PASSWORD).send().status())
			.isEqualTo(200);

		assertWithin(PROPAGATION, "node A refuses the deleted user's token",
				() -> a.http().get("/rest/api/1.0/users?filter=x").bearer(raw).send().status() == 401);
	}

	@Test
	void deleteWhenOnNodeBThenNodeAForgetsWhereItsDeepPagesStartWithinOneSecond() throws SQLException {
		setTokenLimit(1_003);
		try {
			String user = createUser(a);
			Instant created = Instant.parse("2026-03-01T00:00:00Z");
			List<String> ids = IntStream.range(0, 1_003).mapToObj(i -> {
				a.clock().setInstant(created.plusSeconds(i));
				return createToken(a, user).get("id").asString();
			}).toList();
			// a walk on node A announces the page at 1,000: node A remembers which token starts it
			assertThat(tokenIds(a, user)).containsExactlyElementsOf(ids.subList(0, 1_000));
			try (Connection connection = connect()) {
				connection.createStatement().executeUpdate("DELETE FROM access_token WHERE id = '" + ids.get(1) + "'");
			}
			assertThat(tokenIds(a, user, 1_000)).as("deleted behind the nodes' backs: read from the remembered token on")
				.containsExactlyElementsOf(ids.subList(1_000, 1_003));

			assertThat(b.http()
				.delete("/rest/access-tokens/1.0/users/" + user + "/" + ids.get(0))
				.basicAuth(user, passwordOf(user))
				.send()
				.status()).isEqualTo(204);

			assertWithin(PROPAGATION, "node A counts the page at 1,000 again",
					() -> tokenIds(a, user, 1_000).equals(ids.subList(1_002, 1_003)));
		}
		finally {
			setTokenLimit(100);
		}
	}

	@Test
	void createWhenOnNodeBThenItsEvictionsTravelInOneNotification() throws SQLException {
		String user = createUser(b);
		String marker = createToken(b, user).get("id").asString();
		try (Connection listener = connect()) {
			listener.createStatement().execute("LISTEN " + PostgresInvalidationPublisher.CHANNEL);
			String created = createToken(b, user).get("id").asString();
			// a later transaction's notification, to know when the create's have all arrived
			assertThat(b.http()
				.delete("/rest/access-tokens/1.0/users/" + user + "/" + marker)
				.basicAuth(user, passwordOf(user))
				.send()
				.status()).isEqualTo(204);

			List<String> received = new ArrayList<>();
			PGConnection notifications = listener.unwrap(PGConnection.class);
			assertWithin(Duration.ofSeconds(5), "the delete's notification arrives", () -> {
				try {
					PGNotification[] batch = notifications.getNotifications(100);
					for (PGNotification notification : batch == null ? new PGNotification[0] : batch) {
						received.add(notification.getParameter());
					}
				}
				catch (SQLException ex) {
					throw new IllegalStateException(ex);
				}
				return received.stream().anyMatch(message -> message.contains("tokens " + marker));
			});

			// the token's eviction and its owner's page starts: one notification
			assertThat(received.stream().filter(message -> message.contains(created)).toList()).singleElement()
				.asString()
				.contains("\ntokens " + created, "\ntoken-page-starts USER:");
		}
	}

	@Test
	void createWhenBothNodesRaceAgainstTheOwnerLimitThenNeverMoreThanTheLimit() {
		int limit = 3;
		setTokenLimit(limit);
		try {
			String user = createUser(a);
			List<CompletableFuture<Http.Response>> creates = IntStream.range(0, 16)
				.mapToObj(i -> CompletableFuture.supplyAsync(() -> (i % 2 == 0 ? a : b).http()
					.put("/rest/access-tokens/1.0/users/" + user)
					.basicAuth(user, passwordOf(user))
					.json("{\"name\":\"race-" + i + "\",\"permissions\":[\"REPO_READ\"]}")
					.send()))
				.toList();
			List<Http.Response> responses = creates.stream().map(CompletableFuture::join).toList();

			assertThat(responses).extracting(Http.Response::status).allMatch(s -> s == 200 || s == 400 || s == 409);
			Set<String> created = new HashSet<>();
			responses.stream().filter(r -> r.status() == 200).forEach(r -> created.add(r.json().get("id").asString()));
			assertThat(created).hasSize(limit);
			assertThat(tokenIds(b, user)).containsExactlyInAnyOrderElementsOf(created);
		}
		finally {
			setTokenLimit(100);
		}
	}

	@Test
	void terminateWhenNodeAConnectionsAreKilledUnderTrafficThenBothRecoverAndNothingAcknowledgedIsLost() {
		String userA = createUser(a);
		String userB = createUser(b);
		Map<String, Set<String>> acknowledged = new ConcurrentHashMap<>();
		AtomicBoolean stop = new AtomicBoolean();
		AtomicInteger createdOnA = new AtomicInteger();
		AtomicInteger createdOnB = new AtomicInteger();
		Set<Integer> statuses = ConcurrentHashMap.newKeySet();
		CompletableFuture<Void> trafficA = CompletableFuture
			.runAsync(() -> traffic(a, userA, acknowledged, createdOnA, statuses, stop));
		CompletableFuture<Void> trafficB = CompletableFuture
			.runAsync(() -> traffic(b, userB, acknowledged, createdOnB, statuses, stop));
		try {
			assertWithin(Duration.ofSeconds(30), "traffic flows", () -> createdOnA.get() >= 3 && createdOnB.get() >= 3);

			assertThat(EmbeddedPostgresServer.terminateConnections("node-a")).isGreaterThan(1);

			int afterKillA = createdOnA.get();
			int afterKillB = createdOnB.get();
			assertWithin(Duration.ofSeconds(30), "both nodes serve again",
					() -> createdOnA.get() >= afterKillA + 3 && createdOnB.get() >= afterKillB + 3);
		}
		finally {
			stop.set(true);
			CompletableFuture.allOf(trafficA, trafficB).join();
		}

		assertThat(statuses).as("a broken connection is 503, never 500 or 401").isSubsetOf(200, 503);
		assertThat(tokenIds(b, userA)).containsAll(acknowledged.getOrDefault(userA, Set.of()));
		assertThat(tokenIds(a, userB)).containsAll(acknowledged.getOrDefault(userB, Set.of()));
		awaitReady(a);
		awaitReady(b);
		String user = createUser(b);
		JsonNode token = createToken(b, user);
		String raw = token.get("token").asString();
		assertThat(use(a, user, raw)).isEqualTo(200);
		assertThat(b.http()
			.delete("/rest/access-tokens/1.0/users/" + user + "/" + token.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send()
			.status()).isEqualTo(204);
		assertWithin(PROPAGATION, "node A hears node B's delete again", () -> use(a, user, raw) == 401);
	}

	/** Creates and uses tokens on one node until told to stop (at most 90 tokens), remembering what was acknowledged. */
	private static void traffic(ServerNode node, String user, Map<String, Set<String>> acknowledged, AtomicInteger created,
			Set<Integer> statuses, AtomicBoolean stop) {
		for (int i = 0; i < 90 && !stop.get(); i++) {
			Http.Response response = node.http()
				.put("/rest/access-tokens/1.0/users/" + user)
				.basicAuth(user, passwordOf(user))
				.json("{\"name\":\"traffic-" + i + "\",\"permissions\":[\"REPO_READ\"]}")
				.send();
			statuses.add(response.status());
			if (response.status() == 200) {
				acknowledged.computeIfAbsent(user, key -> ConcurrentHashMap.newKeySet()).add(response.json().get("id").asString());
				statuses.add(node.http()
					.get("/rest/access-tokens/1.0/users/" + user)
					.bearer(response.json().get("token").asString())
					.send()
					.status());
				created.incrementAndGet();
			}
		}
	}

	private static void setTokenLimit(int limit) {
		assertThat(a.http()
			.put("/rest/access-tokens/latest/admin/settings")
			.basicAuth("admin", ADMIN_PASSWORD)
			.json("{\"maxTokensPerOwner\":" + limit + "}")
			.send()
			.status()).isEqualTo(200);
	}

	/** A connection of the test's own to the nodes' database. */
	private static Connection connect() throws SQLException {
		return DriverManager.getConnection(database.get("spring.datasource.url"), database.get("spring.datasource.username"),
				database.get("spring.datasource.password"));
	}

	private static List<String> tokenIds(ServerNode node, String user) {
		return tokenIds(node, user, 0);
	}

	private static List<String> tokenIds(ServerNode node, String user, int start) {
		Http.Response response = node.http()
			.get("/rest/access-tokens/1.0/users/" + user + "?limit=1000&start=" + start)
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(response.status()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		response.json().get("values").forEach(value -> ids.add(value.get("id").asString()));
		return ids;
	}

	private static String expirationSeen(ServerNode node, String raw) {
		Http.Response response = node.http().get("/rest/access-tokens/latest/self").bearer(raw).send();
		assertThat(response.status()).isEqualTo(200);
		return response.header("X-Token-Expiration");
	}

	private static void awaitReady(ServerNode node) {
		assertWithin(Duration.ofSeconds(30), node + " is ready",
				() -> node.http().get("/actuator/health/readiness").send().status() == 200);
	}

	private static void assertWithin(Duration limit, String what, BooleanSupplier condition) {
		long start = System.nanoTime();
		long deadline = start + limit.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as(what + " within " + limit).isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private static String createUser(ServerNode node) {
		String name = "member-" + USERS.incrementAndGet();
		Http.Response response = node.http()
			.post("/rest/api/1.0/admin/users?name=" + name + "&password=" + passwordOf(name) + "&displayName=" + name
					+ "&emailAddress=" + name + "@example.com")
			.basicAuth("admin", ADMIN_PASSWORD)
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(204);
		return name;
	}

	private static JsonNode createToken(ServerNode node, String user) {
		Http.Response response = node.http()
			.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"ci\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"]}")
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static int use(ServerNode node, String user, String raw) {
		return node.http().get("/rest/access-tokens/1.0/users/" + user).bearer(raw).send().status();
	}

	private static String passwordOf(String user) {
		return "pw-" + user + "-Secret";
	}

}
