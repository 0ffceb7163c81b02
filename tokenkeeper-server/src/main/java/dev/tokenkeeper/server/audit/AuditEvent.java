package dev.tokenkeeper.server.audit;

/**
 * A security-relevant event, as services publish it (inside the transaction that makes the
 * change, so the record is exactly as durable as the change). Never carries a secret.
 *
 * @param actor who did it, or {@code null} for the server itself
 * @param subject the name of the user concerned (a token's owner, a changed user), or {@code null}
 * @param tokenId the token concerned, or {@code null}
 * @param target what was acted on, in words ("project PRJ", "repository PRJ/app")
 * @param details anything else worth keeping, or {@code null}
 */
public record AuditEvent(AuditEventType type, Outcome outcome, Actor actor, String subject, String tokenId,
		String target, String details) {

	public static AuditEvent success(AuditEventType type, Actor actor, String subject, String tokenId, String target) {
		return new AuditEvent(type, Outcome.SUCCESS, actor, subject, tokenId, target, null);
	}

	public AuditEvent withDetails(String details) {
		return new AuditEvent(this.type, this.outcome, this.actor, this.subject, this.tokenId, this.target, details);
	}

	public enum Outcome {

		SUCCESS, FAILURE

	}

	/** Who acted: a user, by password or through one of their tokens. */
	public record Actor(String name, String tokenId) {
	}

}
