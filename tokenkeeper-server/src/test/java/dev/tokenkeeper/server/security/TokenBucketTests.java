package dev.tokenkeeper.server.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final TokenBucket bucket = new TokenBucket(3, Duration.ofSeconds(2), this.now::get);

	@Test
	void takeWhenTheBurstIsSpentThenRefusedUntilOneRefillIntervalPassed() {
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isTrue();
		assertThat(this.bucket.tryTake()).isFalse();
		assertThat(this.bucket.waitTime()).isEqualTo(Duration.ofSeconds(2));

		this.now.addAndGet(Duration.ofMillis(1500).toNanos());
		assertThat(this.bucket.waitTime()).isEqualTo(Duration.ofMillis(500));
		assertThat(this.bucket.tryTake()).isFalse();

		this.now.addAndGet(Duration.ofMillis(500).toNanos());
		assertThat(this.bucket.waitTime()).isEqualTo(Duration.ZERO);
		assertThat(this.bucket.tryTake()).isTrue();
	}

	@Test
	void refillWhenIdleForLongThenNeverMoreThanTheCapacity() {
		this.now.addAndGet(Duration.ofHours(1).toNanos());
		for (int i = 0; i < 3; i++) {
			assertThat(this.bucket.tryTake()).isTrue();
		}
		assertThat(this.bucket.tryTake()).isFalse();
	}

}
