package dev.tokenkeeper.server.audit;

import java.time.Instant;

/** Filters of the audit log; {@code null} means "any". {@code until} is exclusive. */
public record AuditQuery(String user, String tokenId, AuditEventType type, Instant since, Instant until) {
}
