package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verification cache (5 minutes by default) loads a token in use again in the background
 * once its entry is three quarters of that old, so a busy token is never found expired and its
 * requests never wait for the database. The change the reload must pick up is made straight in
 * the database, as a change from a node whose notification was lost would be; the caches age on
 * the test's clock. On PostgreSQL the cluster's bound (5 s by default) would cut the 5 minutes
 * short, so it is lifted here.
 */
@TestPropertySource(properties = "tokenkeeper.cluster.cache-max-age=10m")
class TokenCacheIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Test
	void authenticateWhenACachedTokenIsPastItsRefreshAgeThenItIsLoadedAgainBeforeItExpires() {
		this.clock.setInstant(Instant.parse("2026-07-01T00:00:00Z"));
		String user = createUser("refreshed");
		JsonNode created = createToken(user);
		String token = created.get("token").asString();
		String path = "/rest/access-tokens/1.0/users/" + user;
		assertThat(this.http.get(path).bearer(token).send().status()).isEqualTo(200);
		this.jdbc.sql("DELETE FROM access_token WHERE id = ?").param(created.get("id").asString()).update();
		this.clock.advance(Duration.ofMinutes(3));
		assertThat(this.http.get(path).bearer(token).send().status()).as("cached, and not yet due").isEqualTo(200);

		this.clock.advance(Duration.ofMinutes(1));

		// the clock stands still at 4 minutes: only the reload, not the expiry at 5, can end it
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.http.get(path).bearer(token).send().status() == 401);
	}

}
