package dev.tokenkeeper.server.token;

import java.time.Instant;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Token use is recorded off the request path and written in batches. */
class TokenUsageIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private TokenUsageRecorder usage;

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
		this.usage.record(id, later);
		this.usage.flush();
		this.usage.record(id, later.minusSeconds(60));
		this.usage.flush();
		assertThat(storedLastAuthenticated(id)).isEqualTo(later.toEpochMilli());
	}

	private Long storedLastAuthenticated(String id) {
		return this.jdbc.sql("SELECT last_authenticated FROM access_token WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> rs.getObject(1, Long.class))
			.list()
			.get(0);
	}

}
