package dev.tokenkeeper.server.support;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;

/**
 * The JVM's monotonic time as the caches read it: a value that a thread of its own sets from
 * {@link System#nanoTime()} once per tick. Every cache lookup reads the time, several per
 * request, and reading this costs a memory read where reading the clock cost 24 ns on the
 * benchmark machine, about a fifth of a token verification with 10,000 tokens in turn
 * (bench/RESULTS.md). The price is that entries expire and reload to within a tick, or a little
 * more when a busy machine wakes the thread late, against ages of seconds to minutes. No step of
 * the wall clock moves it. Once closed, it reads the clock again.
 */
public final class CoarseTicker implements Ticker, AutoCloseable {

	/**
	 * The server's tick. Under full Bearer load the thread took 1.9 ms of CPU a second with ticks of
	 * 10 ms, about what it saved the requests (two lookups each, 38,000 a second: 1.8 ms), and 0.4 ms
	 * with ticks of 100 ms, which are still short against the shortest cache age, 5 s
	 * (bench/RESULTS.md, thirteenth pass).
	 */
	public static final Duration TICK = Duration.ofMillis(100);

	private final ScheduledExecutorService timer;

	private volatile long now = System.nanoTime();

	private volatile boolean closed;

	public CoarseTicker(Duration tick) {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("cache-ticker-");
		threads.setDaemon(true);
		this.timer = Executors.newSingleThreadScheduledExecutor(threads);
		this.timer.scheduleAtFixedRate(() -> this.now = System.nanoTime(), tick.toNanos(), tick.toNanos(),
				TimeUnit.NANOSECONDS);
	}

	@Override
	public long read() {
		return this.closed ? System.nanoTime() : this.now;
	}

	/** Stops the thread; a cache still read after that (while the server stops) ages by the clock. */
	@Override
	public void close() {
		this.closed = true;
		this.timer.shutdownNow();
	}

}
