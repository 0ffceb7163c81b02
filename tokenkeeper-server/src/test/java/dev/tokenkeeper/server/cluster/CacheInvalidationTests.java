package dev.tokenkeeper.server.cluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Applying evictions: the right key in the right region, nothing from this node's own messages
 * twice; sending them: a transaction's together, as it commits.
 */
class CacheInvalidationTests {

	private final CacheInvalidation caches = new CacheInvalidation(InvalidationPublisher.LOCAL,
			new ClusterProperties(Duration.ofSeconds(5)), Ticker.systemTicker());

	private final Cache<Long, String> users = this.caches.newCache("users", 10, Duration.ofMinutes(5), Long::valueOf);

	private final Cache<String, String> tokens = this.caches.newCache("tokens", 10, Duration.ofMinutes(5),
			Function.identity());

	private final Cache<String, String> grants = this.caches.newCache("grants", 10, Duration.ofMinutes(5), null);

	/** What {@link #node}, a node of a cluster, sends to the others. */
	private final Recording sent = new Recording();

	private final CacheInvalidation node = new CacheInvalidation(this.sent, new ClusterProperties(Duration.ofSeconds(5)),
			Ticker.systemTicker());

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

	@Test
	void evictWhenOutsideATransactionThenSentAtOnce() {
		this.node.evict("users", 7L);

		assertThat(this.sent.messages).singleElement().asString().endsWith(" users 7").doesNotContain("\n");
	}

	@Test
	void evictWhenSeveralInOneTransactionThenOneMessageAsItCommitsWhichAnotherNodeApplies() {
		inTransaction(() -> {
			this.node.evict("tokens", "123456789012");
			this.node.evict("users", 2L);
			this.node.evict("users", 2L);
			this.node.evictAll("grants");
			assertThat(this.sent.messages).as("nothing before the commit").isEmpty();
		}, true);

		assertThat(this.sent.messages).hasSize(1);
		fill();
		this.caches.receive(this.sent.messages.get(0));
		assertThat(this.tokens.asMap()).containsOnlyKeys("999999999999");
		assertThat(this.users.asMap()).containsOnlyKeys(1L);
		assertThat(this.grants.asMap()).isEmpty();
	}

	@Test
	void evictWhenOnceInATransactionThenTheOneEvictionFormOlderNodesRead() {
		inTransaction(() -> this.node.evict("users", 2L), true);

		assertThat(this.sent.messages).singleElement().asString().endsWith(" users 2").doesNotContain("\n");
	}

	@Test
	void evictWhenManyInOneTransactionThenEachMessageStaysUnderTheNotificationLimit() {
		inTransaction(() -> IntStream.range(0, 2_000).forEach(i -> this.node.evict("tokens", String.format("%012d", i))), true);

		assertThat(this.sent.messages).hasSizeGreaterThan(1).allSatisfy(message -> assertThat(message.length()).isLessThan(8_000));
		assertThat(this.sent.messages.stream().flatMap(message -> message.lines().skip(1))).hasSize(2_000).doesNotHaveDuplicates();
	}

	@Test
	void evictWhenTheTransactionRollsBackThenNothingIsSent() {
		inTransaction(() -> this.node.evict("users", 2L), false);
		this.node.evict("users", 3L);

		assertThat(this.sent.messages).singleElement().asString().endsWith(" users 3");
	}

	@Test
	void evictWhenTransactionsFollowEachOtherThenEachSendsItsOwnMessage() {
		for (long user = 1; user <= 2; user++) {
			long id = user;
			inTransaction(() -> {
				this.node.evict("users", id);
				this.node.evict("tokens", "00000000000" + id);
			}, true);
		}

		assertThat(this.sent.messages).hasSize(2).allSatisfy(message -> assertThat(message.lines()).hasSize(3));
	}

	@Test
	void evictWhenAnInnerTransactionRunsThenItsEvictionsGoAsItCommitsAndTheOuterOnesAsTheOuterCommits() {
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(
				new DriverManagerDataSource("jdbc:h2:mem:outbox;DB_CLOSE_DELAY=-1"));
		TransactionTemplate outer = new TransactionTemplate(transactions);
		TransactionTemplate inner = new TransactionTemplate(transactions);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		outer.executeWithoutResult(status -> {
			this.node.evict("users", 1L);
			inner.executeWithoutResult(innerStatus -> this.node.evict("users", 2L));
			assertThat(this.sent.messages).as("the inner transaction's, at its commit").singleElement().asString().endsWith(" users 2");
			this.node.evict("tokens", "123456789012");
		});

		assertThat(this.sent.messages).hasSize(2);
		assertThat(this.sent.messages.get(1).lines().skip(1)).containsExactly("users 1", "tokens 123456789012");
	}

	/** Runs the work as a transaction's body would, then its commit (or rollback) callbacks. */
	private static void inTransaction(Runnable work, boolean commit) {
		TransactionSynchronizationManager.initSynchronization();
		try {
			work.run();
			if (commit) {
				TransactionSynchronizationUtils.triggerBeforeCommit(false);
			}
			TransactionSynchronizationUtils.invokeAfterCompletion(TransactionSynchronizationManager.getSynchronizations(),
					commit ? TransactionSynchronization.STATUS_COMMITTED : TransactionSynchronization.STATUS_ROLLED_BACK);
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	/** Stands in for PostgreSQL's NOTIFY: keeps what would be sent to the other nodes. */
	private static final class Recording implements InvalidationPublisher {

		private final List<String> messages = new ArrayList<>();

		@Override
		public void publish(String message) {
			this.messages.add(message);
		}

		@Override
		public boolean reachesOtherNodes() {
			return true;
		}

	}

	private void fill() {
		this.users.put(1L, "one");
		this.users.put(2L, "two");
		this.tokens.put("123456789012", "token");
		this.tokens.put("999999999999", "other token");
		this.grants.put("key", "grants");
	}

}
