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

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.Test;

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
