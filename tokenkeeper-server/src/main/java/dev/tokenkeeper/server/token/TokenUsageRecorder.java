package dev.tokenkeeper.server.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Remembers when tokens authenticate and writes it as {@code lastAuthenticated} in batches,
 * off the request thread: a request updates a number in place (the cached token holds its entry,
 * so not even a map read is needed), never a database write nor an allocation. Each token is
 * written at most once per flush interval, and what is pending is flushed on shutdown. A token
 * unused for a whole interval leaves the map, which so holds only tokens in recent use and
 * forgets deleted ones however they were deleted (with their user, on another node).
 */
@Component
class TokenUsageRecorder {

	private static final Logger log = LoggerFactory.getLogger(TokenUsageRecorder.class);

	/** Marks an entry that a flush is taking out of the map: a use must go to a new entry. */
	private static final long RETIRED = -1;

	/** Per token used lately: its latest use not yet written, in epoch millis, or 0 (or {@link #RETIRED}). */
	private final ConcurrentHashMap<String, AtomicLong> pending = new ConcurrentHashMap<>();

	private final AccessTokenStore store;

	TokenUsageRecorder(AccessTokenStore store) {
		this.store = store;
	}

	/**
	 * Records a use of the token. {@code entry} is what this method returned for the token the
	 * time before, or {@code null}: while that entry is still in the map it is raised in place,
	 * without looking the token up. Returns the entry to pass next time.
	 */
	AtomicLong record(String tokenId, AtomicLong entry, Instant when) {
		long millis = when.toEpochMilli();
		return (entry != null && raise(entry, millis)) ? entry : remember(tokenId, millis);
	}

	private AtomicLong remember(String tokenId, long millis) {
		while (true) {
			AtomicLong use = this.pending.computeIfAbsent(tokenId, id -> new AtomicLong());
			if (raise(use, millis)) {
				return use;
			}
			this.pending.remove(tokenId, use);
		}
	}

	/** Raises the entry to {@code millis} unless it is later already; false if a flush retired it. */
	private static boolean raise(AtomicLong use, long millis) {
		long current = use.get();
		while (current != RETIRED) {
			if (current >= millis || use.compareAndSet(current, millis)) {
				return true;
			}
			current = use.get();
		}
		return false;
	}

	/** The token as callers should see it: with a use that is not written yet, if any. */
	AccessToken withPendingUse(AccessToken token) {
		AtomicLong use = this.pending.get(token.id());
		long pendingUse = use == null ? 0 : use.get();
		if (pendingUse <= 0
				|| (token.lastAuthenticated() != null && token.lastAuthenticated().toEpochMilli() >= pendingUse)) {
			return token;
		}
		return token.withLastAuthenticated(Instant.ofEpochMilli(pendingUse));
	}

	void forget(String tokenId) {
		AtomicLong use = this.pending.remove(tokenId);
		if (use != null) {
			// a cached token may still hold the entry: its next use must not go to an orphan
			use.set(RETIRED);
		}
	}

	/** Whether the token has an entry here: used since the flush before last. */
	boolean tracks(String tokenId) {
		return this.pending.containsKey(tokenId);
	}

	@Scheduled(fixedDelayString = "${tokenkeeper.tokens.usage-flush-interval:1m}",
			initialDelayString = "${tokenkeeper.tokens.usage-flush-interval:1m}")
	@PreDestroy
	synchronized void flush() {
		if (this.pending.isEmpty()) {
			return;
		}
		Map<String, Long> batch = new HashMap<>();
		this.pending.forEach((id, use) -> {
			long when = use.getAndSet(0);
			if (when > 0) {
				batch.put(id, when);
			}
			else if (use.compareAndSet(0, RETIRED)) {
				// unused since the last flush
				this.pending.remove(id, use);
			}
		});
		if (batch.isEmpty()) {
			return;
		}
		try {
			this.store.recordLastAuthenticated(batch);
		}
		catch (RuntimeException ex) {
			// Keep the uses for the next attempt rather than lose them.
			batch.forEach(this::remember);
			log.warn("Could not record token use; will retry: {}", ex.toString());
		}
	}

}
