package dev.tokenkeeper.server.audit;

import java.time.Instant;

/** A stored audit event. */
public record AuditRecord(long id, Instant time, AuditEventType type, AuditEvent.Outcome outcome, String actorName,
		String actorTokenId, String sourceAddress, String subject, String tokenId, String target, String details,
		int count) {
}
