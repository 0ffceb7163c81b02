package dev.tokenkeeper.server.audit.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.audit.AuditEventType;
import dev.tokenkeeper.server.audit.AuditLog;
import dev.tokenkeeper.server.audit.AuditQuery;
import dev.tokenkeeper.server.audit.AuditRecord;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log for administrators, newest first, paged like Bitbucket's lists. */
@RestController
@TokenkeeperExtension
class AuditRestController {

	private final AuditLog audit;

	AuditRestController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/rest/tokenkeeper/1.0/audit")
	RestPage<RestAuditEvent> find(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String user,
			@RequestParam(required = false) String tokenId, @RequestParam(required = false) String type,
			@RequestParam(required = false) String since, @RequestParam(required = false) String until,
			PageRequest page) {
		AuditQuery query = new AuditQuery(blankToNull(user), blankToNull(tokenId), type(type), instant("since", since),
				instant("until", until));
		return RestPage.of(page, this.audit.find(caller, query, page), RestAuditEvent::of);
	}

	private static AuditEventType type(String type) {
		if (type == null || type.isBlank()) {
			return null;
		}
		try {
			return AuditEventType.valueOf(type);
		}
		catch (IllegalArgumentException ex) {
			throw new ArgumentValidationException("type", "Unknown audit event type.");
		}
	}

	/** Epoch milliseconds, as everywhere in the API, or an ISO-8601 instant. */
	private static Instant instant(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return value.chars().allMatch(Character::isDigit) && value.length() <= 15
					? Instant.ofEpochMilli(Long.parseLong(value)) : Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new ArgumentValidationException(name,
					name + " must be epoch milliseconds or an ISO-8601 instant such as 2026-01-31T12:00:00Z.");
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "id", "timestamp", "type", "outcome", "actor", "actorTokenId", "sourceAddress", "user",
			"tokenId", "target", "details", "count" })
	record RestAuditEvent(long id, long timestamp, String type, String outcome, String actor, String actorTokenId,
			String sourceAddress, String user, String tokenId, String target, String details, int count) {

		static RestAuditEvent of(AuditRecord record) {
			return new RestAuditEvent(record.id(), record.time().toEpochMilli(), record.type().name(),
					record.outcome().name(), record.actorName(), record.actorTokenId(), record.sourceAddress(),
					record.subject(), record.tokenId(), record.target(), record.details(), record.count());
		}

	}

}
