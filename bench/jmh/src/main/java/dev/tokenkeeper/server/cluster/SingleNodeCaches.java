package dev.tokenkeeper.server.cluster;

import java.time.Duration;

import dev.tokenkeeper.server.support.CoarseTicker;

/**
 * The server's own cache construction outside its application context, so that a benchmark
 * measures the caches the server really builds (maximum size, expiry, reload after half the age,
 * the server's ticker), not a simpler stand-in. In the server's package because the constructor is
 * not public.
 */
public final class SingleNodeCaches {

	private SingleNodeCaches() {
	}

	/** The caches of one server on its own database, with the default settings. */
	public static CacheInvalidation create() {
		return new CacheInvalidation(InvalidationPublisher.LOCAL, new ClusterProperties(Duration.ofSeconds(5)),
				new CoarseTicker(CoarseTicker.TICK));
	}

}
