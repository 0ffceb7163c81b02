package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.audit.AuditEvent;
import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.permission.Caller;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the audit log and the notifications about token changes, inside the change's transaction. */
@Component
class TokenEvents {

	private final ApplicationEventPublisher events;

	TokenEvents(ApplicationEventPublisher events) {
		this.events = events;
	}

	void changed(TokenEvent.Kind kind, Caller caller, OwnerScope scope, AccessToken token, String details) {
		AuditEventType type = switch (kind) {
			case CREATED -> AuditEventType.TOKEN_CREATED;
			case UPDATED -> AuditEventType.TOKEN_UPDATED;
			case RENEWED -> AuditEventType.TOKEN_RENEWED;
			case ROTATED -> AuditEventType.TOKEN_ROTATED;
			case DELETED -> AuditEventType.TOKEN_DELETED;
			case EXPIRING, EXPIRED -> throw new IllegalArgumentException("Not a change: " + kind);
		};
		this.events.publishEvent(AuditEvent.success(type, caller.actor(), scope.subjectName(), token.id(),
				scope.label()).withDetails(details));
		this.events.publishEvent(new TokenEvent(kind, token, scope.label(), caller.user().name()));
	}

	void selfRotated(Caller caller, AccessToken token, String details) {
		String subject = token.owner().type() == TokenOwner.Type.USER ? caller.user().name() : null;
		this.events.publishEvent(AuditEvent.success(AuditEventType.TOKEN_SELF_ROTATED, caller.actor(), subject,
				token.id(), "itself").withDetails(details));
		this.events.publishEvent(new TokenEvent(TokenEvent.Kind.ROTATED, token, "token " + token.id(),
				caller.user().name()));
	}

	void deletedWithOwner(AccessToken token) {
		String label = token.owner().type().name().toLowerCase() + " " + token.owner().id();
		this.events.publishEvent(AuditEvent.success(AuditEventType.TOKEN_DELETED, null, null, token.id(), label)
			.withDetails("deleted with its owner"));
		this.events.publishEvent(new TokenEvent(TokenEvent.Kind.DELETED, token, label, null));
	}

}
