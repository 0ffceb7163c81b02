package dev.tokenkeeper.server.cluster;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;

import jakarta.annotation.PreDestroy;

import dev.tokenkeeper.server.support.AfterCommit;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The node-local caches (verified tokens, users, grants, projects) and the one way to evict
 * from them. An eviction applies on this node at once and again when the transaction ends (see
 * {@link AfterCommit}), and reaches every other node sharing the database when the transaction
 * commits. On a shared database no entry lives longer than {@code tokenkeeper.cluster.cache-max-age}
 * (to within a tick of the caches' {@link dev.tokenkeeper.server.support.CoarseTicker}), which
 * bounds staleness should a notification ever be missed.
 */
@Component
public class CacheInvalidation {

	private static final String ALL = "*";

	private static final Duration MAX_BATCH_DELAY = Duration.ofMillis(50);

	/** Tells this node's own messages from other nodes' when they come back from the database. */
	private final String nodeId = UUID.randomUUID().toString();

	private final Map<String, List<Region<?>>> regions = new ConcurrentHashMap<>();

	private final InvalidationPublisher publisher;

	private final ClusterProperties properties;

	private final Ticker ticker;

	/**
	 * Runs the loading caches' background reloads, which query the database: on threads of their
	 * own, not Java's shared pool (one thread on 2 cores, which the caches' upkeep also uses).
	 */
	private final ExecutorService reloads = Executors.newFixedThreadPool(2, reloadThreads());

	CacheInvalidation(InvalidationPublisher publisher, ClusterProperties properties, Ticker ticker) {
		this.publisher = publisher;
		this.properties = properties;
		this.ticker = ticker;
	}

	/**
	 * A new cache in the named region. {@code keyParser} turns a key sent as text back into a key
	 * of this cache; without one, any eviction in the region empties the whole cache.
	 */
	public <K, V> Cache<K, V> newCache(String region, long maximumSize, Duration maxAge, Function<String, K> keyParser) {
		return register(region, builder(maximumSize, maxAge).build(), keyParser);
	}

	/**
	 * A new cache in the named region that loads what it misses, and loads an entry in use again in
	 * the background once it is half its age old: a key used at least once in the second half of
	 * its age is reloaded before it expires, so the requests that read it do not wait for the
	 * database (the one that first misses it does). Reloads are read in batches through
	 * {@code loadAll}, which returns the values of those keys that have one. A reload that fails
	 * or is too slow leaves the entry to expire, so the age stays the bound.
	 */
	public <K, V> LoadingCache<K, V> newLoadingCache(String region, long maximumSize, Duration maxAge,
			Function<String, K> keyParser, Function<K, V> load, Function<Set<K>, Map<K, V>> loadAll) {
		Caffeine<Object, Object> builder = builder(maximumSize, maxAge);
		Duration refresh = age(maxAge).dividedBy(2);
		if (refresh.compareTo(Duration.ZERO) > 0) {
			// an age of zero turns the cache off, and there is nothing to refresh
			builder.refreshAfterWrite(refresh).executor(this.reloads);
		}
		return register(region, builder.build(new BatchedReloads<>(load, loadAll, this.reloads, batchDelay(maxAge))),
				keyParser);
	}

	/**
	 * How long reloads gather before their batch is read: a small part of the half of the age in
	 * which an entry must be reloaded, and at most {@link #MAX_BATCH_DELAY}.
	 */
	private Duration batchDelay(Duration maxAge) {
		Duration fiftieth = age(maxAge).dividedBy(50);
		return fiftieth.compareTo(MAX_BATCH_DELAY) < 0 ? fiftieth : MAX_BATCH_DELAY;
	}

	private Caffeine<Object, Object> builder(long maximumSize, Duration maxAge) {
		return Caffeine.newBuilder()
			.maximumSize(maximumSize)
			.expireAfterWrite(age(maxAge))
			.ticker(this.ticker);
	}

	private Duration age(Duration maxAge) {
		return this.publisher.reachesOtherNodes() && this.properties.cacheMaxAge().compareTo(maxAge) < 0
				? this.properties.cacheMaxAge() : maxAge;
	}

	private static CustomizableThreadFactory reloadThreads() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("cache-reload-");
		threads.setDaemon(true);
		return threads;
	}

	@PreDestroy
	void stopReloads() {
		this.reloads.shutdownNow();
	}

	private <K, C extends Cache<K, ?>> C register(String region, C cache, Function<String, K> keyParser) {
		this.regions.computeIfAbsent(region, name -> new CopyOnWriteArrayList<>()).add(new Region<>(cache, keyParser));
		return cache;
	}

	/** Evicts one key from the region's caches, on every node. */
	public void evict(String region, Object key) {
		String text = String.valueOf(key);
		if (text.isEmpty() || !text.chars().allMatch(c -> c > ' ' && c < 127)) {
			throw new IllegalArgumentException("Cache keys are sent as one word of printable ASCII: " + text);
		}
		AfterCommit.evict(() -> evictLocally(region, text));
		publish(region + " " + text);
	}

	/** Empties the region's caches, on every node. */
	public void evictAll(String region) {
		AfterCommit.evict(() -> evictLocally(region, ALL));
		publish(region + " " + ALL);
	}

	/**
	 * Sends an eviction ("region key") to the other nodes: outside a transaction at once; inside one,
	 * gathered with the transaction's other evictions and sent with them in one message as it
	 * commits (a create, say, evicts from two regions: one notification, not two). Evictions belong
	 * in the transaction's body, where every caller makes them: one made by another transaction
	 * callback after the commit has begun goes at once if the transaction had evicted before, and is
	 * not sent at all otherwise (only the caches' age would then bound it).
	 */
	private void publish(String eviction) {
		if (!this.publisher.reachesOtherNodes()) {
			return;
		}
		Outbox outbox = openOutbox();
		if (outbox == null) {
			this.publisher.publish(this.nodeId + " " + eviction);
		}
		else {
			outbox.evictions.add(eviction);
		}
	}

	/** The current transaction's outbox, opened on first use; none outside a transaction or once it is sent. */
	private Outbox openOutbox() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			return null;
		}
		Outbox outbox = (Outbox) TransactionSynchronizationManager.getResource(this);
		if (outbox == null) {
			outbox = new Outbox();
			TransactionSynchronizationManager.bindResource(this, outbox);
			TransactionSynchronizationManager.registerSynchronization(outbox);
		}
		return outbox.sent ? null : outbox;
	}

	/**
	 * Applies the evictions another node published; anything unreadable empties every cache. A
	 * message is {@code "<node> <region> <key>"} for one eviction, or {@code "<node>"} and one
	 * {@code "<region> <key>"} per line for several (which a node that knows only the first form
	 * finds unreadable, and so misses nothing).
	 */
	void receive(String message) {
		int firstLine = message.indexOf('\n');
		int senderEnd = firstLine < 0 ? message.indexOf(' ') : firstLine;
		if (senderEnd < 0) {
			evictEverything();
			return;
		}
		if (message.substring(0, senderEnd).equals(this.nodeId)) {
			return;
		}
		for (String eviction : message.substring(senderEnd + 1).split("\n")) {
			String[] parts = eviction.split(" ", 2);
			if (parts.length != 2 || !this.regions.containsKey(parts[0])) {
				evictEverything();
				return;
			}
			evictLocally(parts[0], parts[1]);
		}
	}

	/** Forgets everything this node holds, for when evictions may have been missed. */
	void evictEverything() {
		this.regions.values().forEach(caches -> caches.forEach(region -> region.cache().invalidateAll()));
	}

	private void evictLocally(String region, String key) {
		this.regions.getOrDefault(region, List.of()).forEach(cache -> cache.evict(key));
	}

	/**
	 * A transaction's evictions for the other nodes, sent together just before it commits. It is
	 * bound to the transaction as a resource, like the transaction's connection, and set aside with
	 * it while an inner transaction runs.
	 */
	private final class Outbox implements TransactionSynchronization {

		/** Well under PostgreSQL's limit of 8,000 bytes for one notification (keys are ASCII). */
		private static final int MAX_MESSAGE_BYTES = 7_000;

		private final Set<String> evictions = new LinkedHashSet<>();

		private boolean sent;

		@Override
		public void suspend() {
			TransactionSynchronizationManager.unbindResource(CacheInvalidation.this);
		}

		@Override
		public void resume() {
			TransactionSynchronizationManager.bindResource(CacheInvalidation.this, this);
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.sent = true;
			String node = CacheInvalidation.this.nodeId;
			if (this.evictions.size() == 1) {
				CacheInvalidation.this.publisher.publish(node + " " + this.evictions.iterator().next());
				return;
			}
			StringBuilder message = new StringBuilder(node);
			for (String eviction : this.evictions) {
				if (message.length() > node.length() && message.length() + 1 + eviction.length() > MAX_MESSAGE_BYTES) {
					CacheInvalidation.this.publisher.publish(message.toString());
					message.setLength(node.length());
				}
				message.append('\n').append(eviction);
			}
			CacheInvalidation.this.publisher.publish(message.toString());
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(CacheInvalidation.this);
		}

	}

	private record Region<K>(Cache<K, ?> cache, Function<String, K> keyParser) {

		void evict(String key) {
			if (key.equals(ALL) || this.keyParser == null) {
				this.cache.invalidateAll();
				return;
			}
			try {
				this.cache.invalidate(this.keyParser.apply(key));
			}
			catch (RuntimeException ex) {
				this.cache.invalidateAll();
			}
		}

	}

}
