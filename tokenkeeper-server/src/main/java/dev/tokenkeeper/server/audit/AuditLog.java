package dev.tokenkeeper.server.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records audit events. Changes are recorded in the transaction that makes them. Failures on the
 * authentication path (bad credentials, expired or rotated-out secrets) are counted in memory and
 * written in batches, one row per kind, source and name, so a flood of probes costs neither a
 * database write per request nor a row per probe.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

	private static final int MAX_COUNTED_KEYS = 10_000;

	private final AuditStore store;

	private final Clock clock;

	private final AuditProperties properties;

	private final Map<FailureKey, FailureCount> failures = new ConcurrentHashMap<>();

	AuditLog(AuditStore store, Clock clock, AuditProperties properties) {
		this.store = store;
		this.clock = clock;
		this.properties = properties;
	}

	@EventListener
	public void record(AuditEvent event) {
		AuditEvent.Actor actor = event.actor();
		this.store.insert(new AuditRecord(0, this.clock.instant(), event.type(), event.outcome(),
				actor == null ? null : actor.name(), actor == null ? null : actor.tokenId(), currentSourceAddress(),
				event.subject(), event.tokenId(), event.target(), event.details(), 1));
	}

	/**
	 * Counts a failure on the authentication path of the current request; written with the next
	 * batch. Under a flood of distinct names the count goes on under one catch-all row.
	 */
	public void countFailure(AuditEventType type, String name, String tokenId) {
		FailureKey key = new FailureKey(type, currentSourceAddress(), name, tokenId);
		if (this.failures.size() >= MAX_COUNTED_KEYS && !this.failures.containsKey(key)) {
			key = new FailureKey(type, null, "(many)", null);
		}
		this.failures.computeIfAbsent(key, ignored -> new FailureCount(this.clock.instant())).count().incrementAndGet();
	}

	@Scheduled(fixedDelayString = "${tokenkeeper.audit.failure-flush-interval:10s}")
	@PreDestroy
	public void flushFailures() {
		for (FailureKey key : List.copyOf(this.failures.keySet())) {
			FailureCount counted = this.failures.remove(key);
			if (counted == null) {
				continue;
			}
			try {
				this.store.insert(new AuditRecord(0, counted.first(), key.type(), AuditEvent.Outcome.FAILURE, key.name(),
						null, key.sourceAddress(), key.name(), key.tokenId(), null, null, counted.count().get()));
			}
			catch (RuntimeException ex) {
				this.failures.merge(key, counted, (now, old) -> {
					now.count().addAndGet(old.count().get());
					return now;
				});
				log.warn("Could not write counted authentication failures; will retry: {}", ex.toString());
				return;
			}
		}
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@Transactional
	public void deleteExpired() {
		int deleted = this.store.deleteOlderThan(this.clock.instant().minus(this.properties.retention()));
		if (deleted > 0) {
			log.info("Deleted {} audit events older than {}", deleted, this.properties.retention());
		}
	}

	/** Audit events for administrators, newest first (fetched one past the page's limit). */
	@Transactional(readOnly = true)
	public List<AuditRecord> find(Caller caller, AuditQuery query, PageRequest page) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("Only administrators may read the audit log.");
		}
		return this.store.find(query, page);
	}

	private static String currentSourceAddress() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private record FailureKey(AuditEventType type, String sourceAddress, String name, String tokenId) {
	}

	private record FailureCount(Instant first, AtomicInteger count) {

		FailureCount(Instant first) {
			this(first, new AtomicInteger());
		}

	}

}
