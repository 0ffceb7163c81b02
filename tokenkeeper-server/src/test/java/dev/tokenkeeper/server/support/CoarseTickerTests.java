package dev.tokenkeeper.server.support;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CoarseTickerTests {

	@Test
	void readWhenTicksPassThenFollowsTheJvmsMonotonicTimeWithoutGettingAhead() {
		try (CoarseTicker ticker = new CoarseTicker(Duration.ofMillis(1))) {
			long started = System.nanoTime();

			await().atMost(Duration.ofSeconds(10)).until(() -> ticker.read() > started);

			long read = ticker.read();
			long now = System.nanoTime();
			assertThat(read).isLessThanOrEqualTo(now);
			// a tick is a millisecond; a second covers a busy machine waking the thread late
			assertThat(now - read).isLessThan(Duration.ofSeconds(1).toNanos());
		}
	}

	/** A tick of an hour never comes: only reading the clock can move the time past the close. */
	@Test
	void readWhenClosedThenReadsTheClock() {
		CoarseTicker ticker = new CoarseTicker(Duration.ofHours(1));
		ticker.close();
		long closed = System.nanoTime();

		await().atMost(Duration.ofSeconds(10)).until(() -> ticker.read() > closed);
	}

}
