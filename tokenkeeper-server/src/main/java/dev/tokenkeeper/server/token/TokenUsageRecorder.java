package dev.tokenkeeper.server.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers when tokens authenticate and writes it as {@code lastAuthenticated} in batches,
 * off the request thread: a request costs one map update, never a database write. Each token
 * is written at most once per flush interval, and what is pending is flushed on shutdown.
 */
@Component
class TokenUsageRecorder {

	private static final Logger log = LoggerFactory.getLogger(TokenUsageRecorder.class);

	private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();

	private final AccessTokenStore store;

	TokenUsageRecorder(AccessTokenStore store) {
		this.store = store;
	}

	void record(String tokenId, Instant when) {
		this.pending.merge(tokenId, when.toEpochMilli(), Math::max);
	}

	/** The token as callers should see it: with a use that is not written yet, if any. */
	AccessToken withPendingUse(AccessToken token) {
		Long pendingUse = this.pending.get(token.id());
		if (pendingUse == null
				|| (token.lastAuthenticated() != null && token.lastAuthenticated().toEpochMilli() >= pendingUse)) {
			return token;
		}
		return token.withLastAuthenticated(Instant.ofEpochMilli(pendingUse));
	}

	void forget(String tokenId) {
		this.pending.remove(tokenId);
	}

	@Scheduled(fixedDelayString = "${tokenkeeper.tokens.usage-flush-interval:1m}",
			initialDelayString = "${tokenkeeper.tokens.usage-flush-interval:1m}")
	@PreDestroy
	void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		Map<String, Long> batch = new HashMap<>();
		for (String id : this.pending.keySet()) {
			Long when = this.pending.remove(id);
			if (when != null) {
				batch.put(id, when);
			}
		}
		try {
			this.store.recordLastAuthenticated(batch);
		}
		catch (RuntimeException ex) {
			// Keep the uses for the next attempt rather than lose them.
			batch.forEach((id, when) -> this.pending.merge(id, when, Math::max));
			log.warn("Could not record token use; will retry: {}", ex.toString());
		}
	}

}
