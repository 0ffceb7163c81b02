package dev.tokenkeeper.server.token;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.ProjectFixtures;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Token use is recorded off the request path and written in batches. */
class TokenUsageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TokenUsageRecorder usage;

	@Autowired
	private DataSource dataSource;

	@Test
	void tokenUseWhenAuthenticatingThenNothingIsWrittenUntilTheBatchFlush() {
		String user = createUser("batched");
		JsonNode created = createToken(user);
		String id = created.get("id").asString();
		Instant first = Instant.parse("2026-06-01T00:00:00Z");
		Instant latest = first.plusSeconds(30);

		this.clock.setInstant(first);
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(created.get("token").asString()).send().status())
			.isEqualTo(200);
		this.clock.setInstant(latest);
		assertThat(this.http.get("/rest/access-tokens/1.0/users/" + user).bearer(created.get("token").asString()).send().status())
			.isEqualTo(200);
		assertThat(storedLastAuthenticated(id)).isNull();

		this.usage.flush();

		assertThat(storedLastAuthenticated(id)).isEqualTo(latest.toEpochMilli());
	}

	@Test
	void flushWhenAnOlderUseArrivesLaterThenTheStoredTimeNeverGoesBackwards() {
		String user = createUser("monotonic");
		JsonNode created = createToken(user);
		String id = created.get("id").asString();
		Instant later = Instant.parse("2026-06-02T00:00:00Z");
		this.usage.record(id, null, later);
		this.usage.flush();
		this.usage.record(id, null, later.minusSeconds(60));
		this.usage.flush();
		assertThat(storedLastAuthenticated(id)).isEqualTo(later.toEpochMilli());
	}

	@Test
	void flushWhenAnotherNodeWroteALaterUseOrATokenWasDeletedThenBothAreLeftAsTheyAreAndTheRestIsWritten() {
		String user = createUser("mixed");
		String elsewhere = createToken(user).get("id").asString();
		String deleted = createToken(user).get("id").asString();
		String plain = createToken(user).get("id").asString();
		Instant used = Instant.parse("2026-06-06T00:00:00Z");
		// another node's flush made the row first, with a later use
		this.jdbc.sql("INSERT INTO token_use (token_id, last_authenticated) VALUES (:id, :when)")
			.param("id", elsewhere)
			.param("when", used.plusSeconds(60).toEpochMilli())
			.update();
		this.usage.record(elsewhere, null, used);
		this.usage.record(deleted, null, used);
		this.usage.record(plain, null, used);
		this.jdbc.sql("DELETE FROM access_token WHERE id = :id").param("id", deleted).update();

		this.usage.flush();

		assertThat(storedLastAuthenticated(elsewhere)).isEqualTo(used.plusSeconds(60).toEpochMilli());
		assertThat(storedLastAuthenticated(deleted)).isNull();
		assertThat(storedLastAuthenticated(plain)).isEqualTo(used.toEpochMilli());
	}

	@Test
	void flushWhenATokenIsBeingDeletedThenItsFirstUseWaitsForTheDeleteAndIsSkipped() throws Exception {
		String user = createUser("vanishing");
		String deleted = createToken(user).get("id").asString();
		String plain = createToken(user).get("id").asString();
		Instant used = Instant.parse("2026-06-07T00:00:00Z");
		this.usage.record(deleted, null, used);
		this.usage.record(plain, null, used);
		flushDuring(true, "DELETE FROM access_token WHERE id = ?", deleted);

		assertThat(storedLastAuthenticated(plain)).isEqualTo(used.toEpochMilli());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM token_use WHERE token_id NOT IN (SELECT id FROM access_token)")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void flushWhenAnOlderUseMeetsATokenBeingChangedThenItNeitherWaitsNorLocksIt() throws Exception {
		String id = createToken(createUser("busy")).get("id").asString();
		Instant used = Instant.parse("2026-06-09T00:00:00Z");
		this.usage.record(id, null, used);
		this.usage.flush();
		// another node's use, older than the stored one, while the token is being renamed
		this.usage.record(id, null, used.minusSeconds(60));
		flushDuring(false, "UPDATE access_token SET name = 'renamed' WHERE id = ?", id);

		assertThat(storedLastAuthenticated(id)).isEqualTo(used.toEpochMilli());
	}

	@Test
	void flushWhenAnotherNodeMakesTheRowFirstWithAnOlderUseThenItIsRaisedToTheLaterOne() throws Exception {
		// on H2 the server is the only node, and its flushes take turns
		assumeTrue(TestDatabase.isPostgresql(), "other nodes share only PostgreSQL");
		String id = createToken(createUser("overtaken")).get("id").asString();
		Instant used = Instant.parse("2026-06-08T00:00:00Z");
		this.usage.record(id, null, used);
		flushDuring(true, "INSERT INTO token_use (token_id, last_authenticated) VALUES (?, ?)", id,
				used.minusSeconds(60).toEpochMilli());

		assertThat(storedLastAuthenticated(id)).isEqualTo(used.toEpochMilli());
	}

	@Test
	void flushWhenATokenWentUnusedForAWholeIntervalThenItIsForgottenAndALaterUseStillCounts() {
		String id = createToken(createUser("idle")).get("id").asString();
		Instant first = Instant.parse("2026-06-03T00:00:00Z");
		AtomicLong entry = this.usage.record(id, null, first);
		this.usage.flush();
		assertThat(this.usage.tracks(id)).isTrue();

		this.usage.flush();

		assertThat(this.usage.tracks(id)).isFalse();
		// the entry a cached token still holds was retired: the use must go to a new one
		assertThat(this.usage.record(id, entry, first.plusSeconds(90))).isNotSameAs(entry);
		this.usage.flush();
		assertThat(storedLastAuthenticated(id)).isEqualTo(first.plusSeconds(90).toEpochMilli());
	}

	@Test
	void forgetWhenACachedTokenStillHoldsTheEntryThenItsNextUseGoesToANewOne() {
		String id = createToken(createUser("forgotten")).get("id").asString();
		Instant first = Instant.parse("2026-06-05T00:00:00Z");
		AtomicLong entry = this.usage.record(id, null, first);

		this.usage.forget(id);

		assertThat(this.usage.record(id, entry, first.plusSeconds(60))).isNotSameAs(entry);
		assertThat(this.usage.tracks(id)).isTrue();
	}

	@Test
	void recordWhenUsesRaceWithFlushesThenTheLatestUseIsWritten() throws Exception {
		String id = createToken(createUser("racing")).get("id").asString();
		long start = Instant.parse("2026-06-04T00:00:00Z").toEpochMilli();
		AtomicLong latest = new AtomicLong();
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			List<Future<?>> users = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				int offset = t;
				// two threads hold on to their entry as a cached token does, two look it up every time
				boolean holdsEntry = t % 2 == 0;
				users.add(threads.submit(() -> {
					AtomicLong entry = null;
					for (int i = 0; i < 20_000; i++) {
						long when = start + i * 4L + offset;
						AtomicLong recorded = this.usage.record(id, entry, Instant.ofEpochMilli(when));
						entry = holdsEntry ? recorded : null;
						latest.accumulateAndGet(when, Math::max);
					}
				}));
			}
			while (users.stream().anyMatch(user -> !user.isDone())) {
				this.usage.flush();
			}
			for (Future<?> user : users) {
				user.get();
			}
		}
		finally {
			threads.shutdownNow();
		}
		this.usage.flush();

		assertThat(storedLastAuthenticated(id)).isEqualTo(latest.get());
	}

	@Test
	void deleteUserWhenAFlushIsWritingTheUsesOfItsTokensThenBothSucceed() throws Exception {
		String user = createUser("deleted-while-flushed");
		List<String> ids = tokensStoredAgainstIdOrder("/rest/access-tokens/1.0/users/" + user, user);

		deleteDuringFlush(ids, () -> this.http.delete("/rest/api/1.0/admin/users?name=" + user)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send(), 200);
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void deleteProjectOrRepositoryWhenAFlushIsWritingTheUsesOfItsTokensThenBothSucceed(boolean repository)
			throws Exception {
		String admin = createUser("project-deleted-while-flushed");
		ProjectFixtures fixtures = new ProjectFixtures(this.http);
		String key = fixtures.createProject(admin);
		String path = repository ? "/projects/" + key + "/repos/" + fixtures.createRepo(admin, key, "flushed")
				: "/projects/" + key;
		List<String> ids = tokensStoredAgainstIdOrder("/rest/access-tokens/1.0" + path, admin);

		deleteDuringFlush(ids, () -> this.http.delete("/rest/api/1.0" + path).basicAuth(admin, passwordOf(admin)).send(),
				repository ? 202 : 204);
	}

	/**
	 * Deletes the owner of the tokens while a flush writes their uses: their use rows exist, and
	 * another transaction (as another node's flush would) holds the row the flush writes first
	 * until the deletion waits too. Checks that the deletion succeeded, and that the flush wrote
	 * the use of another token all the same and left none of the deleted ones'. PostgreSQL then
	 * lets the flush on first, which deadlocks unless the deletion goes in id order; H2 may let
	 * either on first, and when the deletion goes first there is nothing to prove.
	 */
	private void deleteDuringFlush(List<String> ids, Supplier<Http.Response> deletion, int status) throws Exception {
		String witness = createToken(createUser("flushed-alongside")).get("id").asString();
		Instant used = Instant.parse("2026-06-10T00:00:00Z");
		recordUses(ids, witness, used);
		this.usage.flush();
		recordUses(ids, witness, used.plusSeconds(60));

		Supplier<Void> flush = () -> {
			this.usage.flush();
			return null;
		};
		List<Object> results = TestDatabase.queuedBehindLockedRow(this.dataSource,
				"SELECT token_id FROM token_use WHERE token_id = ? FOR UPDATE",
				ids.stream().min(String::compareTo).orElseThrow(), flush, deletion);

		Http.Response deleted = (Http.Response) results.get(1);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(status);
		// a flush that lost a deadlock would have written nothing
		assertThat(storedLastAuthenticated(witness)).isEqualTo(used.plusSeconds(60).toEpochMilli());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM token_use WHERE token_id IN (:ids)")
			.param("ids", ids)
			.query(Long.class)
			.single()).isZero();
	}

	/**
	 * Two tokens of the owner at {@code base} that were created, and whose rows are stored, in the
	 * other order than their ids. Deleting their owner goes in one of those orders, unless it takes
	 * care not to; a flush writes in id order.
	 */
	private List<String> tokensStoredAgainstIdOrder(String base, String user) {
		String storedOrder = TestDatabase.isPostgresql() ? "ctid" : "_rowid_";
		String older = createTokenAt(base, user);
		for (int i = 0; i < 30; i++) {
			String newer = createTokenAt(base, user);
			List<String> pair = List.of(older, newer);
			if (older.compareTo(newer) > 0 && pair.equals(this.jdbc
				.sql("SELECT id FROM access_token WHERE id IN (:ids) ORDER BY " + storedOrder)
				.param("ids", pair)
				.query(String.class)
				.list())) {
				return pair;
			}
			Http.Response deleted = this.http.delete(base + "/" + older).basicAuth(user, passwordOf(user)).send();
			assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
			older = newer;
		}
		throw new IllegalStateException("30 tokens in a row were created or stored in id order");
	}

	private String createTokenAt(String base, String user) {
		// a distinct creation time each: without care, a project's tokens went in creation order
		this.clock.advance(Duration.ofSeconds(1));
		Http.Response created = this.http.put(base)
			.basicAuth(user, passwordOf(user))
			.json("{\"name\":\"flushed\",\"permissions\":[\"PROJECT_READ\",\"REPO_READ\"]}")
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(200);
		return created.json().get("id").asString();
	}

	private void recordUses(List<String> ids, String witness, Instant when) {
		ids.forEach(id -> this.usage.record(id, null, when));
		this.usage.record(witness, null, when);
	}

	/**
	 * Flushes while another transaction (as on another node) holds the rows {@code sql} changed,
	 * uncommitted. That transaction commits once the flush waits for it if {@code flushWaits}, and
	 * otherwise only once the flush is done, which must then not wait.
	 */
	private void flushDuring(boolean flushWaits, String sql, Object... params) throws Exception {
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement statement = other.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					statement.setObject(i + 1, params[i]);
				}
				statement.executeUpdate();
			}
			CompletableFuture<Void> flush = CompletableFuture.runAsync(this.usage::flush);
			try {
				if (flushWaits) {
					await().atMost(Duration.ofSeconds(10)).until(() -> TestDatabase.blockedSessions(other) > 0);
				}
				else {
					flush.get(5, TimeUnit.SECONDS);
				}
			}
			finally {
				other.commit();
				flush.get(10, TimeUnit.SECONDS);
			}
		}
	}

	/** The last use written for the token, or null if none is: its row is made by its first flushed use. */
	private Long storedLastAuthenticated(String id) {
		return this.jdbc.sql("SELECT last_authenticated FROM token_use WHERE token_id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

}
