package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import tools.jackson.databind.JsonNode;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verification cache (5 minutes by default) loads a token in use again in the background
 * once its entry is half that old, so a busy token is never found expired and its
 * requests never wait for the database. The change the reload must pick up is made straight in
 * the database, as a change from a node whose notification was lost would be; the caches age on
 * the test's clock. On PostgreSQL the cluster's bound (5 s by default) would cut the 5 minutes
 * short, so it is lifted here.
 */
@TestPropertySource(properties = "tokenkeeper.cluster.cache-max-age=10m")
class TokenCacheIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private MeterRegistry meters;

	@Test
	void authenticateWhenACachedTokenIsPastItsRefreshAgeThenItIsLoadedAgainBeforeItExpires() {
		this.clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		String user = createUser("refreshed");
		JsonNode created = createToken(user);
		String token = created.get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;
		assertThat(this.http.get(path).bearer(token).send().status()).isEqualTo(200);
		this.jdbc.sql("DELETE FROM access_token WHERE id = ?").param(created.get("id").asString()).update();
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(this.http.get(path).bearer(token).send().status()).as("cached, and not yet due").isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(1));

		// the clock stands still at 3 minutes: only the reload, not the expiry at 5, can end it
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.http.get(path).bearer(token).send().status() == 401);
	}

	@Test
	void authenticateWhenManyCachedTokensFallDueTogetherThenTheyAreLoadedAgainInAFewQueries() throws InterruptedException {
		this.clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		String user = createUser("batched");
		List<JsonNode> created = IntStream.range(0, 40).mapToObj(i -> createToken(user)).toList();
		List<String> tokens = created.stream().map(token -> token.get("token").asString()).toList();
		tokens.forEach(token -> assertThat(nameSeenBy(token)).isEqualTo("token"));
		this.jdbc.sql("UPDATE access_token SET name = 'renamed' WHERE id IN (:ids)")
			.param("ids", created.stream().map(token -> token.get("id").asString()).toList())
			.update();
		this.clock.advance(Duration.ofMinutes(3));
		double checkoutsBefore = checkouts();

		// all at once, as busy clients would: each request finds its token due and asks for a reload
		ExecutorService clients = Executors.newFixedThreadPool(8);
		try {
			clients.invokeAll(tokens.stream().<Callable<String>>map(token -> () -> nameSeenBy(token)).toList());
		}
		finally {
			clients.shutdown();
		}

		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> tokens.stream().allMatch(token -> nameSeenBy(token).equals("renamed")));
		// one at a time, 40 tokens take 80 (the token, then its retired secrets); batched, 2 per
		// batch, a batch gathering for 50 ms; any background job counts too
		assertThat(checkouts() - checkoutsBefore).isLessThan(40);
	}

	@Test
	void deleteWhenTwoTokensAreCachedThenOnlyTheDeletedOnesEntryIsEvicted() {
		this.clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		String user = createUser("evicted");
		JsonNode deleted = createToken(user);
		JsonNode kept = createToken(user);
		assertThat(nameSeenBy(deleted.get("token").asString())).isEqualTo("token");
		assertThat(nameSeenBy(kept.get("token").asString())).isEqualTo("token");
		// changed behind the cache's back: seen only if the kept token's entry is loaded again
		this.jdbc.sql("UPDATE access_token SET name = 'renamed' WHERE id = ?").param(kept.get("id").asString()).update();

		assertThat(this.http.delete("/rest/access-tokens/1.0/users/" + user + "/" + deleted.get("id").asString())
			.basicAuth(user, passwordOf(user))
			.send()
			.status()).isEqualTo(204);

		// the eviction is sent as the id's text and read back as the cache's key: exactly that key
		assertThat(this.http.get("/rest/access-tokens/1.0/self").bearer(deleted.get("token").asString()).send().status())
			.isEqualTo(401);
		assertThat(nameSeenBy(kept.get("token").asString())).as("still cached").isEqualTo("token");
	}

	/** The name of the token as the verification cache holds it (/self is served from there). */
	private String nameSeenBy(String token) {
		Http.Response response = this.http.get("/rest/access-tokens/1.0/self").bearer(token).send();
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("name").asString();
	}

	/** Connections the pool has handed out so far, to any thread. */
	private double checkouts() {
		return this.meters.get("hikaricp.connections.acquire").timers().stream().mapToDouble(Timer::count).sum();
	}

}
