package dev.tokenkeeper.server.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.CacheLoader;

/**
 * A cache loader that loads a missing key alone but reloads keys in use in batches: the
 * reloads the cache asks for within a short delay of each other are read with one bulk query.
 * A cache on a cluster reloads every key in use every few seconds; one query per key would put
 * the database on the hot path after all (bench/RESULTS.md).
 */
final class BatchedReloads<K, V> implements CacheLoader<K, V> {

	/** The most keys one bulk query reads. */
	private static final int MAX_BATCH = 500;

	private final Function<K, V> load;

	private final Function<Set<K>, Map<K, V>> loadAll;

	private final Executor executor;

	private final Executor delayedStart;

	private final ConcurrentLinkedQueue<Reload<K, V>> queue = new ConcurrentLinkedQueue<>();

	private final AtomicBoolean draining = new AtomicBoolean();

	/**
	 * @param loadAll the values of those keys that have one; a key left out has none
	 * @param delay how long a batch collects reloads before it is read
	 */
	BatchedReloads(Function<K, V> load, Function<Set<K>, Map<K, V>> loadAll, Executor executor, Duration delay) {
		this.load = load;
		this.loadAll = loadAll;
		this.executor = executor;
		this.delayedStart = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS, executor);
	}

	@Override
	public V load(K key) {
		return this.load.apply(key);
	}

	/** Queues the key for the next batch; batches are read on this loader's executor, not the one given. */
	@Override
	public CompletableFuture<? extends V> asyncReload(K key, V oldValue, Executor cacheExecutor) {
		Reload<K, V> reload = new Reload<>(key, new CompletableFuture<>());
		this.queue.add(reload);
		if (this.draining.compareAndSet(false, true)) {
			schedule(this.delayedStart);
		}
		return reload.value();
	}

	/**
	 * Reads one batch of what is queued. What is left waits for the next batch: at once if this
	 * one was full, else after the delay, so that a steady stream of reloads is read in batches
	 * too rather than a few keys at a time. One drain runs at a time.
	 */
	private void drain() {
		List<Reload<K, V>> batch = new ArrayList<>();
		try {
			for (Reload<K, V> next; batch.size() < MAX_BATCH && (next = this.queue.poll()) != null;) {
				batch.add(next);
			}
			if (!batch.isEmpty()) {
				reload(batch);
			}
		}
		finally {
			this.draining.set(false);
			// a reload queued after the poll and before the flag fell found the flag still up
			if (!this.queue.isEmpty() && this.draining.compareAndSet(false, true)) {
				schedule(batch.size() == MAX_BATCH ? this.executor : this.delayedStart);
			}
		}
	}

	private void schedule(Executor next) {
		try {
			next.execute(this::drain);
		}
		catch (RejectedExecutionException ex) {
			// shutting down: fail what waits, so the cache does not count it as in flight
			for (Reload<K, V> reload; (reload = this.queue.poll()) != null;) {
				reload.value().completeExceptionally(ex);
			}
		}
	}

	private void reload(List<Reload<K, V>> batch) {
		Set<K> keys = new LinkedHashSet<>();
		batch.forEach(reload -> keys.add(reload.key()));
		try {
			Map<K, V> values = this.loadAll.apply(keys);
			// a key without a value completes with null, which the cache takes as gone
			batch.forEach(reload -> reload.value().complete(values.get(reload.key())));
		}
		catch (Throwable ex) {
			// the cache keeps each old value until it expires; the next batches are read as usual
			batch.forEach(reload -> reload.value().completeExceptionally(ex));
		}
	}

	private record Reload<K, V>(K key, CompletableFuture<V> value) {
	}

}
