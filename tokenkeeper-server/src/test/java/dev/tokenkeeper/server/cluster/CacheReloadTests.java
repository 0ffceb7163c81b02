package dev.tokenkeeper.server.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.github.benmanes.caffeine.cache.LoadingCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The background reload of the loading caches' entries in use: what falls due together is read
 * together, a key that is gone leaves, and a failed read keeps the old values until they expire.
 */
class CacheReloadTests {

	private static final Duration AGE = Duration.ofMinutes(4);

	private final AtomicLong nanos = new AtomicLong();

	private final CacheInvalidation caches = new CacheInvalidation(InvalidationPublisher.LOCAL,
			new ClusterProperties(Duration.ofSeconds(5)), this.nanos::get);

	/** Every batch read, by its keys. */
	private final List<Set<Long>> batches = new CopyOnWriteArrayList<>();

	/** What the reads find: the keys that exist, and their current version. */
	private final Map<Long, String> stored = new ConcurrentHashMap<>();

	private final LoadingCache<Long, String> cache = this.caches.newLoadingCache("users", 1_000, AGE, Long::valueOf,
			this.stored::get, this::readAll);

	@AfterEach
	void stopReloads() {
		this.caches.stopReloads();
	}

	private Map<Long, String> readAll(Set<Long> keys) {
		this.batches.add(keys);
		if (this.stored.containsKey(-1L)) {
			throw new IllegalStateException("the database is down");
		}
		return keys.stream().filter(this.stored::containsKey).collect(Collectors.toMap(Function.identity(), this.stored::get));
	}

	@Test
	void getWhenManyEntriesArePastTheirRefreshAgeThenTheyAreReadAgainInAFewBatches() {
		LongStream.range(0, 200).forEach(key -> this.stored.put(key, "first"));
		LongStream.range(0, 200).forEach(this.cache::get);
		LongStream.range(0, 200).forEach(key -> this.stored.put(key, "second"));
		this.nanos.addAndGet(AGE.dividedBy(2).plusSeconds(1).toNanos());

		LongStream.range(0, 200).forEach(key -> assertThat(this.cache.get(key)).as("served while reloading").isEqualTo("first"));

		await().atMost(Duration.ofSeconds(10))
			.until(() -> LongStream.range(0, 200).allMatch(key -> "second".equals(this.cache.getIfPresent(key))));
		assertThat(this.batches.stream().mapToInt(Set::size).sum()).isEqualTo(200);
		// 200 without batching; usually one, as a batch gathers for 50 ms
		assertThat(this.batches).hasSizeLessThan(20);
	}

	@Test
	void getWhenAKeyIsGoneAtItsReloadThenItLeavesTheCache() {
		this.stored.put(1L, "there");
		this.stored.put(2L, "there");
		this.cache.get(1L);
		this.cache.get(2L);
		this.stored.remove(1L);
		this.nanos.addAndGet(AGE.dividedBy(2).plusSeconds(1).toNanos());

		this.cache.get(1L);
		this.cache.get(2L);

		await().atMost(Duration.ofSeconds(10)).until(() -> !this.cache.asMap().containsKey(1L));
		assertThat(this.cache.asMap()).containsOnlyKeys(2L);
	}

	@Test
	void getWhenTheReloadFailsThenTheOldValueServesAndLaterReloadsWork() {
		this.stored.put(1L, "old");
		this.cache.get(1L);
		this.stored.put(1L, "new");
		this.stored.put(-1L, "the reads fail");
		this.nanos.addAndGet(AGE.dividedBy(2).plusSeconds(1).toNanos());

		assertThat(this.cache.get(1L)).isEqualTo("old");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> !this.batches.isEmpty() && this.cache.policy().refreshes().isEmpty());
		assertThat(this.cache.asMap()).as("kept after the failed reload").containsEntry(1L, "old");

		this.stored.remove(-1L);
		this.cache.get(1L);
		await().atMost(Duration.ofSeconds(10))
			.alias("the next reload is read as usual")
			.until(() -> "new".equals(this.cache.asMap().get(1L)));

		this.stored.put(1L, "newer");
		this.nanos.addAndGet(AGE.plusSeconds(1).toNanos());
		assertThat(this.cache.get(1L)).as("expired, so read again").isEqualTo("newer");
	}

}
