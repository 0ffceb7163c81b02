package dev.tokenkeeper.server.audit;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditStore {

	private static final RowMapper<AuditRecord> ROW_MAPPER = (rs, row) -> new AuditRecord(rs.getLong("id"),
			Instant.ofEpochMilli(rs.getLong("event_time")), AuditEventType.valueOf(rs.getString("event_type")),
			AuditEvent.Outcome.valueOf(rs.getString("outcome")), rs.getString("actor_name"),
			rs.getString("actor_token_id"), rs.getString("source_address"), rs.getString("subject_name"),
			rs.getString("token_id"), rs.getString("target"), rs.getString("details"), rs.getInt("event_count"));

	private final JdbcClient jdbc;

	AuditStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(AuditRecord record) {
		this.jdbc.sql("""
				INSERT INTO audit_event (event_time, event_type, outcome, actor_name, actor_token_id, source_address,
				                         subject_name, token_id, target, details, event_count)
				VALUES (:time, :type, :outcome, :actorName, :actorTokenId, :source, :subject, :tokenId, :target,
				        :details, :count)
				""")
			.param("time", record.time().toEpochMilli())
			.param("type", record.type().name())
			.param("outcome", record.outcome().name())
			.param("actorName", truncate(record.actorName(), 255))
			.param("actorTokenId", record.actorTokenId())
			.param("source", truncate(record.sourceAddress(), 64))
			.param("subject", truncate(record.subject(), 255))
			.param("tokenId", record.tokenId())
			.param("target", truncate(record.target(), 512))
			.param("details", truncate(record.details(), 1024))
			.param("count", record.count())
			.update();
	}

	/** Events matching every given filter, newest first. */
	List<AuditRecord> find(AuditQuery query, PageRequest page) {
		return this.jdbc.sql("""
				SELECT id, event_time, event_type, outcome, actor_name, actor_token_id, source_address, subject_name,
				       token_id, target, details, event_count
				  FROM audit_event
				 WHERE (:user IS NULL OR LOWER(actor_name) = :user OR LOWER(subject_name) = :user)
				   AND (:tokenId IS NULL OR token_id = :tokenId OR actor_token_id = :tokenId)
				   AND (:type IS NULL OR event_type = :type)
				   AND (:since IS NULL OR event_time >= :since)
				   AND (:until IS NULL OR event_time < :until)
				 ORDER BY event_time DESC, id DESC
				 LIMIT :limit OFFSET :offset
				""")
			.param("user", query.user() == null ? null : query.user().toLowerCase(Locale.ROOT))
			.param("tokenId", query.tokenId())
			.param("type", query.type() == null ? null : query.type().name())
			.param("since", query.since() == null ? null : query.since().toEpochMilli())
			.param("until", query.until() == null ? null : query.until().toEpochMilli())
			.param("limit", page.fetchSize())
			.param("offset", page.start())
			.query(ROW_MAPPER)
			.list();
	}

	int deleteOlderThan(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM audit_event WHERE event_time < :cutoff")
			.param("cutoff", cutoff.toEpochMilli())
			.update();
	}

	private static String truncate(String value, int length) {
		return (value == null || value.length() <= length) ? value : value.substring(0, length);
	}

}
