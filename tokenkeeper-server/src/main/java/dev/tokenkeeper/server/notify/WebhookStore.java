package dev.tokenkeeper.server.notify;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class WebhookStore {

	private static final RowMapper<Webhook> WEBHOOK = (rs, row) -> new Webhook(rs.getLong("id"),
			URI.create(rs.getString("url")), rs.getString("secret"),
			new LinkedHashSet<>(Arrays.asList(rs.getString("events").split(","))), rs.getBoolean("active"),
			Instant.ofEpochMilli(rs.getLong("created_date")));

	private static final RowMapper<WebhookDelivery> DELIVERY = WebhookStore::delivery;

	private static final String DELIVERY_COLUMNS = """
			id, webhook_id, event_type, payload, status, attempts, next_attempt, last_response_code, last_error,
			created_date, updated_date""";

	private final JdbcClient jdbc;

	WebhookStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(URI url, String secret, List<String> events, boolean active, Instant now) {
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO webhook (url, secret, events, active, created_date)
				VALUES (:url, :secret, :events, :active, :now)
				""")
			.param("url", url.toString())
			.param("secret", secret)
			.param("events", String.join(",", events))
			.param("active", active)
			.param("now", now.toEpochMilli())
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void update(Webhook webhook) {
		this.jdbc.sql("UPDATE webhook SET url = :url, secret = :secret, events = :events, active = :active WHERE id = :id")
			.param("url", webhook.url().toString())
			.param("secret", webhook.secret())
			.param("events", String.join(",", webhook.events()))
			.param("active", webhook.active())
			.param("id", webhook.id())
			.update();
	}

	Optional<Webhook> find(long id) {
		return this.jdbc.sql("SELECT id, url, secret, events, active, created_date FROM webhook WHERE id = :id")
			.param("id", id)
			.query(WEBHOOK)
			.optional();
	}

	List<Webhook> findAll() {
		return this.jdbc.sql("SELECT id, url, secret, events, active, created_date FROM webhook ORDER BY id")
			.query(WEBHOOK)
			.list();
	}

	void delete(long id) {
		this.jdbc.sql("DELETE FROM webhook WHERE id = :id").param("id", id).update();
	}

	void enqueue(long webhookId, String event, String payload, Instant now) {
		this.jdbc.sql("""
				INSERT INTO webhook_delivery (webhook_id, event_type, payload, status, attempts, next_attempt,
				                              created_date, updated_date)
				VALUES (:webhook, :event, :payload, 'PENDING', 0, :now, :now, :now)
				""")
			.param("webhook", webhookId)
			.param("event", event)
			.param("payload", payload)
			.param("now", now.toEpochMilli())
			.update();
	}

	/**
	 * Locks up to {@code limit} pending deliveries that are due, skipping rows another node holds.
	 * Call inside a transaction, and lease what it returns before the transaction ends.
	 */
	List<WebhookDelivery> lockDue(Instant now, int limit) {
		return this.jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
				 FROM webhook_delivery
				WHERE status = 'PENDING' AND next_attempt <= :now
				ORDER BY next_attempt, id
				LIMIT :limit
				FOR UPDATE SKIP LOCKED
				""")
			.param("now", now.toEpochMilli())
			.param("limit", limit)
			.query(DELIVERY)
			.list();
	}

	/** Counts an attempt and hides the delivery from other senders until {@code leaseUntil}. */
	void lease(long id, Instant leaseUntil, Instant now) {
		this.jdbc.sql("""
				UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt = :lease, updated_date = :now
				 WHERE id = :id
				""").param("lease", leaseUntil.toEpochMilli()).param("now", now.toEpochMilli()).param("id", id).update();
	}

	void recordOutcome(long id, WebhookDelivery.Status status, Instant nextAttempt, Integer responseCode, String error,
			Instant now) {
		this.jdbc.sql("""
				UPDATE webhook_delivery
				   SET status = :status, next_attempt = :next, last_response_code = :code, last_error = :error,
				       updated_date = :now
				 WHERE id = :id
				""")
			.param("status", status.name())
			.param("next", nextAttempt == null ? null : nextAttempt.toEpochMilli())
			.param("code", responseCode)
			.param("error", error == null || error.length() <= 512 ? error : error.substring(0, 512))
			.param("now", now.toEpochMilli())
			.param("id", id)
			.update();
	}

	List<WebhookDelivery> deliveries(long webhookId, PageRequest page) {
		return this.jdbc.sql("SELECT " + DELIVERY_COLUMNS + """
				 FROM webhook_delivery WHERE webhook_id = :webhook
				ORDER BY created_date DESC, id DESC
				LIMIT :limit OFFSET :offset
				""")
			.param("webhook", webhookId)
			.param("limit", page.fetchSize())
			.param("offset", page.start())
			.query(DELIVERY)
			.list();
	}

	int deleteFinishedBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM webhook_delivery WHERE status <> 'PENDING' AND updated_date < :cutoff")
			.param("cutoff", cutoff.toEpochMilli())
			.update();
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		Long next = rs.getObject("next_attempt", Long.class);
		return new WebhookDelivery(rs.getLong("id"), rs.getLong("webhook_id"), rs.getString("event_type"),
				rs.getString("payload"), WebhookDelivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
				next == null ? null : Instant.ofEpochMilli(next), rs.getObject("last_response_code", Integer.class),
				rs.getString("last_error"), Instant.ofEpochMilli(rs.getLong("created_date")),
				Instant.ofEpochMilli(rs.getLong("updated_date")));
	}

}
