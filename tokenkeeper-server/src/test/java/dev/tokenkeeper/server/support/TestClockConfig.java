package dev.tokenkeeper.server.support;

import com.github.benmanes.caffeine.cache.Ticker;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one that tests can set and move; the caches age as it advances. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock();
	}

	@Bean
	@Primary
	Ticker mutableClockTicker(MutableClock clock) {
		return clock::nanoTime;
	}

}
