package dev.tokenkeeper.server.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Applying evictions: the right key in the right region, nothing from this node's own messages twice. */
class CacheInvalidationTests {

	private final CacheInvalidation caches = new CacheInvalidation(InvalidationPublisher.LOCAL,
			new ClusterProperties(Duration.ofSeconds(5)), Ticker.systemTicker());

	private final Cache<Long, String> users = this.caches.newCache("users", 10, Duration.ofMinutes(5), Long::valueOf);

	private final Cache<String, String> tokens = this.caches.newCache("tokens", 10, Duration.ofMinutes(5),
			Function.identity());

	private final Cache<String, String> grants = this.caches.newCache("grants", 10, Duration.ofMinutes(5), null);

	@Test
	void receiveWhenAnotherNodeEvictsAKeyThenOnlyThatKeyOfThatRegionGoes() {
		fill();

		this.caches.receive("other-node tokens 123456789012");

		assertThat(this.tokens.asMap()).containsOnlyKeys("999999999999");
		assertThat(this.users.asMap()).containsOnlyKeys(1L, 2L);
		assertThat(this.grants.asMap()).hasSize(1);
	}

	@Test
	void newLoadingCacheWhenItsAgeIsZeroThenItKeepsNothingAndLoadsOnEveryRead() {
		AtomicInteger loads = new AtomicInteger();
		LoadingCache<Long, String> off = this.caches.newLoadingCache("users", 10, Duration.ZERO, Long::valueOf,
				id -> "user " + loads.incrementAndGet(), ids -> Map.of());

		off.get(1L);
		off.get(1L);

		assertThat(loads).hasValue(2);
	}

	@Test
	void receiveWhenAnotherNodeEvictsAUserThenTheKeyIsParsedBackToItsType() {
		fill();

		this.caches.receive("other-node users 2");

		assertThat(this.users.asMap()).containsOnlyKeys(1L);
	}

	@Test
	void receiveWhenOneMessageCarriesSeveralEvictionsThenEachApplies() {
		fill();

		this.caches.receive("other-node\ntokens 123456789012\nusers 2\ngrants *");

		assertThat(this.tokens.asMap()).containsOnlyKeys("999999999999");
		assertThat(this.users.asMap()).containsOnlyKeys(1L);
		assertThat(this.grants.asMap()).isEmpty();
	}

	@Test
	void receiveWhenOneOfSeveralEvictionsIsUnreadableThenEverythingIsEvicted() {
		fill();

		this.caches.receive("other-node\ntokens 123456789012\naudit 7");

		assertThat(this.tokens.asMap()).isEmpty();
		assertThat(this.users.asMap()).isEmpty();
		assertThat(this.grants.asMap()).isEmpty();
	}

	@Test
	void receiveWhenARegionWithoutKeysIsEvictedThenItEmptiesWhole() {
		fill();

		this.caches.receive("other-node grants *");

		assertThat(this.grants.asMap()).isEmpty();
		assertThat(this.tokens.asMap()).hasSize(2);
	}

	@Test
	void receiveWhenTheMessageIsUnreadableOrForAnUnknownRegionThenEverythingIsEvicted() {
		fill();
		this.caches.receive("garbage");
		assertThat(this.users.asMap()).isEmpty();
		assertThat(this.tokens.asMap()).isEmpty();

		fill();
		this.caches.receive("other-node audit 7");
		assertThat(this.grants.asMap()).isEmpty();
		assertThat(this.users.asMap()).isEmpty();

		fill();
		this.caches.receive("other-node users not-a-number");
		assertThat(this.users.asMap()).isEmpty();
		assertThat(this.tokens.asMap()).hasSize(2);
	}

	@Test
	void evictWhenCalledOnThisNodeThenTheKeyGoesAtOnce() {
		fill();

		this.caches.evict("users", 1L);
		this.caches.evictAll("grants");

		assertThat(this.users.asMap()).containsOnlyKeys(2L);
		assertThat(this.grants.asMap()).isEmpty();
	}

	private void fill() {
		this.users.put(1L, "one");
		this.users.put(2L, "two");
		this.tokens.put("123456789012", "token");
		this.tokens.put("999999999999", "other token");
		this.grants.put("key", "grants");
	}

}
