package dev.tokenkeeper.server;

import java.time.Clock;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TimeConfig {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/** How the caches' entries age: the JVM's monotonic time, which no step of the wall clock moves. */
	@Bean
	Ticker cacheTicker() {
		return Ticker.systemTicker();
	}

}
