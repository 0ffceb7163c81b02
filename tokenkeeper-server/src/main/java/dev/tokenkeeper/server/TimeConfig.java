package dev.tokenkeeper.server;

import java.time.Clock;

import dev.tokenkeeper.server.support.CoarseTicker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** How the caches' entries age: the JVM's monotonic time, read once a tick rather than per lookup. */
	@Bean
	CoarseTicker cacheTicker() {
		return new CoarseTicker(CoarseTicker.TICK);
	}

}
