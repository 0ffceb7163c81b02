package dev.tokenkeeper.server;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The server process is killed (SIGKILL) while eight clients create, rotate and delete tokens,
 * then started again on the same data directory. Whatever was acknowledged with a 2xx is there;
 * an operation that had no answer when the process died may have happened or not, but nothing
 * is half-written. Loopback only; every loop is bounded in count and time.
 */
class CrashSafetyIntegrationTests {

	private static final String ADMIN_PASSWORD = "crash-admin-Secret-1";

	private static final String ADMIN = Http.basic("admin", ADMIN_PASSWORD);

	private static final int PERSONAL_CLIENTS = 6;

	private static final int PROJECT_CLIENTS = 2;

	private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

	/** At most this many requests with credentials that must fail: no brute-force throttle comes near. */
	private static final int BAD_CREDENTIAL_CHECKS = 4;

	@TempDir
	Path home;

	@Test
	void killWhenEightClientsAreWritingThenEveryAcknowledgedChangeSurvivesTheRestart() throws Exception {
		long started = System.nanoTime();
		List<Client> clients = new ArrayList<>();
		AtomicInteger acknowledged = new AtomicInteger();
		long killedAt;
		try (ServerProcess first = ServerProcess.start(this.home, ADMIN_PASSWORD)) {
			Http http = new Http(first.port());
			for (int i = 0; i < PERSONAL_CLIENTS; i++) {
				String user = "crash-" + i;
				expect(http.post("/rest/api/1.0/admin/users?name=" + user + "&password=" + user + "-pw&displayName="
						+ user + "&emailAddress=" + user + "@example.com").auth(ADMIN).send(), 204);
				clients.add(new Client("/rest/access-tokens/1.0/users/" + user, Http.basic(user, user + "-pw"), i,
						acknowledged));
			}
			for (int i = 0; i < PROJECT_CLIENTS; i++) {
				String key = "CRASH" + i;
				expect(http.post("/rest/api/1.0/projects").auth(ADMIN)
					.json("{\"key\":\"" + key + "\",\"name\":\"" + key + "\"}")
					.send(), 201);
				clients.add(new Client("/rest/access-tokens/1.0/projects/" + key, ADMIN, 100 + i, acknowledged));
			}
			System.out.printf("Crash test: first server ready after %d ms%n", millisSince(started));

			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService pool = Executors.newFixedThreadPool(clients.size());
			try {
				List<Future<?>> running = new ArrayList<>();
				for (Client client : clients) {
					running.add(pool.submit(() -> client.run(http, stop)));
				}
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(20))
					.until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_KILL);
				first.kill();
				killedAt = System.nanoTime();
				stop.set(true);
				for (Future<?> client : running) {
					client.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				pool.shutdownNow();
			}
		}
		System.out.printf("Crash test: killed after %d acknowledged operations (%d in doubt) at %d ms%n",
				acknowledged.get(), clients.stream().mapToInt(Client::inDoubt).sum(), (killedAt - started) / 1_000_000);
		for (Client client : clients) {
			assertThat(client.unexpected).as("answers other than 2xx before the kill").isEmpty();
		}

		try (ServerProcess second = ServerProcess.start(this.home, ADMIN_PASSWORD)) {
			System.out.printf("Crash test: restarted after %d ms%n", millisSince(started));
			Http http = new Http(second.port());
			int badCredentialBudget = BAD_CREDENTIAL_CHECKS;
			for (Client client : clients) {
				badCredentialBudget = client.verify(http, badCredentialBudget);
			}
			assertThat(second.output()).doesNotContain(" ERROR ", "Exception");
			assertThat(second.stop()).isIn(0, 143);
		}
		assertNothingHalfWritten();
		System.out.printf("Crash test: done in %d ms%n", millisSince(started));
	}

	/** The data directory, read directly after the second server stopped: every row whole and connected. */
	private void assertNothingHalfWritten() throws SQLException {
		String url = "jdbc:h2:file:" + this.home.resolve("db").resolve("tokenkeeper")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
		try (Connection connection = DriverManager.getConnection(url, "tokenkeeper", "");
				Statement statement = connection.createStatement()) {
			assertThat(count(statement, "SELECT COUNT(*) FROM access_token t LEFT JOIN app_user u ON u.id = t.user_id"
					+ " WHERE u.id IS NULL")).as("tokens without their user").isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM access_token t JOIN app_user u ON u.id = t.user_id"
					+ " WHERE t.owner_type <> 'USER' AND u.user_type <> 'SERVICE'"))
				.as("project tokens without their service user").isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM access_token WHERE owner_type = 'USER' AND owner_id <> user_id"))
				.as("personal tokens owned by someone else").isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM app_user u WHERE u.user_type = 'SERVICE'"
					+ " AND NOT EXISTS (SELECT 1 FROM access_token t WHERE t.user_id = u.id)"))
				.as("service users without their token").isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM (SELECT user_id FROM access_token"
					+ " WHERE owner_type <> 'USER' GROUP BY user_id HAVING COUNT(*) > 1) shared"))
				.as("service users shared by several tokens").isZero();
			assertThat(count(statement, "SELECT COUNT(*) FROM access_token"
					+ " WHERE (previous_secret_hash IS NULL) <> (previous_secret_valid_until IS NULL)"))
				.as("rotations half-recorded").isZero();
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static Http.Response expect(Http.Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return response;
	}

	private static long millisSince(long nanos) {
		return (System.nanoTime() - nanos) / 1_000_000;
	}

	/**
	 * One client, the only writer of its owner's tokens, so that it knows exactly what it was told:
	 * each token's latest acknowledged secret, the secrets it rotated out, the deletions it saw,
	 * and the one operation (if any) that had no answer when the server died.
	 */
	private static final class Client {

		private static final int MAX_OPERATIONS = 2_000;

		private final String owner;

		private final String auth;

		private final Random random;

		private final AtomicInteger acknowledged;

		private final Map<String, String> live = new LinkedHashMap<>();

		private final Map<String, String> deleted = new LinkedHashMap<>();

		private final List<String> rotatedOut = new ArrayList<>();

		private final List<String> unexpected = new ArrayList<>();

		private String inDoubtId;

		private boolean createInDoubt;

		Client(String owner, String auth, long seed, AtomicInteger acknowledged) {
			this.owner = owner;
			this.auth = auth;
			this.random = new Random(seed);
			this.acknowledged = acknowledged;
		}

		int inDoubt() {
			return (this.inDoubtId != null || this.createInDoubt) ? 1 : 0;
		}

		void run(Http http, AtomicBoolean stop) {
			for (int i = 0; i < MAX_OPERATIONS && !stop.get(); i++) {
				int choice = this.live.size() < 4 ? 0 : this.random.nextInt(10);
				try {
					if (choice < 4) {
						create(http, i);
					}
					else {
						List<String> ids = List.copyOf(this.live.keySet());
						String id = ids.get(this.random.nextInt(ids.size()));
						if (choice < 7) {
							rotate(http, id);
						}
						else {
							delete(http, id);
						}
					}
				}
				catch (IllegalStateException ex) {
					return;
				}
			}
		}

		private void create(Http http, int sequence) {
			this.createInDoubt = true;
			Http.Response response = http.put(this.owner)
				.auth(this.auth)
				.json("{\"name\":\"crash-" + sequence + "\",\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"]}")
				.send();
			this.createInDoubt = false;
			if (check(response, 200)) {
				this.live.put(response.json().get("id").asString(), response.json().get("token").asString());
			}
		}

		private void rotate(Http http, String id) {
			this.inDoubtId = id;
			Http.Response response = http.post(this.owner + "/" + id + "/rotate").auth(this.auth).send();
			this.inDoubtId = null;
			if (check(response, 200)) {
				this.rotatedOut.add(this.live.put(id, response.json().get("token").asString()));
			}
		}

		private void delete(Http http, String id) {
			this.inDoubtId = id;
			Http.Response response = http.delete(this.owner + "/" + id).auth(this.auth).send();
			this.inDoubtId = null;
			if (check(response, 204)) {
				this.deleted.put(id, this.live.remove(id));
			}
		}

		private boolean check(Http.Response response, int status) {
			if (response.status() != status) {
				this.unexpected.add(response.toString());
				return false;
			}
			this.acknowledged.incrementAndGet();
			return true;
		}

		/** Checks this client's owner after the restart; returns what is left of the bad-credential budget. */
		int verify(Http http, int badCredentialBudget) {
			Http.Response list = http.get(this.owner + "?limit=1000").auth(this.auth).send();
			assertThat(list.status()).as(list.toString()).isEqualTo(200);
			Set<String> listed = new HashSet<>();
			list.json().get("values").forEach(token -> listed.add(token.get("id").asString()));

			this.live.forEach((id, secret) -> {
				if (id.equals(this.inDoubtId)) {
					return; // rotated or deleted, or not: the server died before it answered
				}
				assertThat(listed).as("acknowledged token %s of %s", id, this.owner).contains(id);
				Http.Response self = http.get("/rest/access-tokens/latest/self").bearer(secret).send();
				assertThat(self.status()).as("latest acknowledged secret of %s: %s", id, self).isEqualTo(200);
				assertThat(self.json().get("id").asString()).isEqualTo(id);
			});
			for (String id : this.deleted.keySet()) {
				assertThat(listed).as("acknowledged deletion of %s", id).doesNotContain(id);
			}
			Set<String> unknown = new HashSet<>(listed);
			unknown.removeAll(this.live.keySet());
			assertThat(unknown).as("tokens nobody was told about").hasSizeLessThanOrEqualTo(this.createInDoubt ? 1 : 0);

			List<String> mustFail = new ArrayList<>();
			this.rotatedOut.stream().filter(secret -> !this.live.containsValue(secret)).limit(1).forEach(mustFail::add);
			this.deleted.values().stream().limit(1).forEach(mustFail::add);
			int budget = badCredentialBudget;
			for (String secret : mustFail) {
				if (budget-- <= 0) {
					break;
				}
				Http.Response refused = http.get("/rest/access-tokens/latest/self").bearer(secret).send();
				assertThat(refused.status()).as("a secret that was rotated out or deleted: %s", refused).isEqualTo(401);
			}
			return Math.max(budget, 0);
		}

	}

}
