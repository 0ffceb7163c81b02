package dev.tokenkeeper.server.notify;

import java.time.Instant;

/** One event for one endpoint: pending until delivered, or failed once retries give up. */
public record WebhookDelivery(long id, long webhookId, String event, String payload, Status status, int attempts,
		Instant nextAttempt, Integer lastResponseCode, String lastError, Instant createdDate, Instant updatedDate) {

	public enum Status {

		PENDING, DELIVERED, FAILED

	}

}
