package dev.tokenkeeper.server.token;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deep pages of a long token list are read by the key of their first token once a walk through
 * the pages has announced them. The owners here hold 1,200 tokens, written straight into the
 * database (the API would take seconds), many of them created in the same millisecond so that
 * the order's tie-break (the id) decides page boundaries. On PostgreSQL the cluster's bound on
 * cache ages (5 s by default) could forget a start in the middle of a test, so it is lifted here.
 */
@TestPropertySource(properties = "tokenkeeper.cluster.cache-max-age=10m")
class OwnerTokenPagesIntegrationTests extends IntegrationTestSupport {

	private static final int TOKENS = 1_200;

	private static final int LIMIT = 50;

	/** A start deep enough to be remembered, and the start its page announces. */
	private static final int DEEP = 1_000;

	private static final Instant CREATED = Instant.parse("2026-03-01T00:00:00Z");

	@Autowired
	private JdbcClient jdbc;

	@Autowired
	private JdbcTemplate jdbcTemplate;

	@Test
	void listWhenWalkingEveryPageOfALongListThenEveryTokenAppearsOnceInOrder() {
		String user = createUser("walker");
		List<String> ids = seed(user);

		List<String> seen = new ArrayList<>();
		Integer start = 0;
		while (start != null) {
			JsonNode page = page(user, start);
			page.get("values").forEach(token -> seen.add(token.get("id").asString()));
			start = page.has("nextPageStart") ? page.get("nextPageStart").asInt() : null;
		}
		assertThat(seen).containsExactlyElementsOf(ids);
		// and again, now that the deep starts are remembered
		for (int again = 0; again < TOKENS; again += LIMIT) {
			assertThat(idsOf(page(user, again))).as("page at %d", again)
				.containsExactlyElementsOf(ids.subList(again, Math.min(again + LIMIT, TOKENS)));
		}
	}

	@Test
	void listWhenAStartWasAnnouncedThenItsPageIsReadByKey() {
		String user = createUser("keyed");
		List<String> ids = seed(user);
		page(user, DEEP);

		// behind the server's back, so nothing is forgotten: counting would now find the next token
		this.jdbc.sql("DELETE FROM access_token WHERE id = ?").param(ids.get(0)).update();

		assertThat(idsOf(page(user, DEEP + LIMIT))).as("read from the remembered token on")
			.containsExactlyElementsOf(ids.subList(DEEP + LIMIT, DEEP + 2 * LIMIT));
		assertThat(idsOf(page(user, DEEP))).as("never announced, so counted")
			.containsExactlyElementsOf(ids.subList(DEEP + 1, DEEP + LIMIT + 1));
	}

	@Test
	void listWhenATokenOfTheOwnerIsDeletedThenRememberedStartsAreForgotten() {
		String user = createUser("deleting");
		List<String> ids = seed(user);
		page(user, DEEP);

		assertThat(this.http.delete("/rest/access-tokens/1.0/users/" + user + "/" + ids.get(0))
			.basicAuth(user, passwordOf(user))
			.send()
			.status()).isEqualTo(204);

		assertThat(idsOf(page(user, DEEP + LIMIT))).containsExactlyElementsOf(ids.subList(DEEP + LIMIT + 1, DEEP + 2 * LIMIT + 1));
	}

	@Test
	void listWhenATokenIsCreatedAheadOfARememberedStartThenItIsForgotten() {
		String user = createUser("creating");
		List<String> ids = seed(user);
		page(user, DEEP);

		// a clock set back (or another node's) can create a token that sorts before the others
		this.clock.setInstant(CREATED.minusSeconds(60));
		String created;
		setTokenLimit(TOKENS + 1);
		try {
			created = createToken(user).get("id").asString();
		}
		finally {
			setTokenLimit(100);
		}

		List<String> expected = new ArrayList<>(ids);
		expected.add(0, created);
		assertThat(idsOf(page(user, DEEP + LIMIT))).containsExactlyElementsOf(expected.subList(DEEP + LIMIT, DEEP + 2 * LIMIT));
	}

	@Test
	void listWhenAnotherOwnersTokensChangeThenRememberedStartsAreKept() {
		String user = createUser("kept");
		List<String> ids = seed(user);
		page(user, DEEP);
		this.jdbc.sql("DELETE FROM access_token WHERE id = ?").param(ids.get(0)).update();

		createToken(createUser("other"));

		assertThat(idsOf(page(user, DEEP + LIMIT))).containsExactlyElementsOf(ids.subList(DEEP + LIMIT, DEEP + 2 * LIMIT));
	}

	/** The token limit is part of the stored policy, which the whole server (and every test class) shares. */
	private void setTokenLimit(int limit) {
		assertThat(this.http.put(TokenPolicySettingsIntegrationTests.SETTINGS)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.json("{\"maxTokensPerOwner\":" + limit + "}")
			.send()
			.status()).isEqualTo(200);
	}

	/** Writes {@link #TOKENS} tokens of the user, four to a millisecond; their ids in list order. */
	private List<String> seed(String user) {
		long userId = this.jdbc.sql("SELECT id FROM app_user WHERE name = ?").param(user).query(Long.class).single();
		Random random = new Random(user.hashCode());
		List<Object[]> rows = new ArrayList<>();
		for (int i = 0; i < TOKENS; i++) {
			String id = String.format("%012d", random.nextLong(1_000_000_000_000L));
			rows.add(new Object[] { id, userId, userId, CREATED.toEpochMilli() + i / 4, new byte[32] });
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO access_token (id, owner_type, owner_id, user_id, name, repository_permission,
				                          project_permission, created_date, secret_hash)
				VALUES (?, 'USER', ?, ?, 'seeded', 'REPO_READ', 'PROJECT_READ', ?, ?)""", rows);
		return this.jdbc.sql("SELECT id FROM access_token WHERE owner_type = 'USER' AND owner_id = ? ORDER BY created_date, id")
			.param(userId)
			.query(String.class)
			.list();
	}

	private JsonNode page(String user, int start) {
		var response = this.http.get("/rest/access-tokens/1.0/users/" + user + "?limit=" + LIMIT + "&start=" + start)
			.basicAuth(user, passwordOf(user))
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("start").asInt()).isEqualTo(start);
		return page;
	}

	private static List<String> idsOf(JsonNode page) {
		List<String> ids = new ArrayList<>();
		page.get("values").forEach(token -> ids.add(token.get("id").asString()));
		return ids;
	}

}
