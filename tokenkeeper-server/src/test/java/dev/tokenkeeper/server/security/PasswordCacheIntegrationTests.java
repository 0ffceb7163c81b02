package dev.tokenkeeper.server.security;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password success cache, watched by counting the slow hash's checks: a client that keeps
 * sending the same Basic credentials costs one check, however long it goes on; a pause longer
 * than the cache's age costs one more. The cache ages on the application's clock, which the
 * test moves.
 */
@TestPropertySource(properties = "tokenkeeper.security.password-cache-max-age=2s")
@Import(PasswordCacheIntegrationTests.CountingPasswordEncoder.class)
class PasswordCacheIntegrationTests extends IntegrationTestSupport {

	@Test
	void passwordWhenUsedOverAndOverThenCheckedOnceAndAgainOnlyAfterAPauseLongerThanTheMaxAge() {
		String user = createUser("steady");
		String path = "/rest/api/1.0/users/" + user;
		int before = CountingPasswordEncoder.CHECKS.get();
		this.clock.setInstant(this.clock.instant());

		// a use every second for 5 s: more than twice the cache's age
		for (int second = 0; second < 5; second++) {
			assertThat(this.http.get(path).basicAuth(user, passwordOf(user)).send().status()).isEqualTo(200);
			this.clock.advance(Duration.ofSeconds(1));
		}
		assertThat(CountingPasswordEncoder.CHECKS.get() - before).isEqualTo(1);

		this.clock.advance(Duration.ofSeconds(3));
		assertThat(this.http.get(path).basicAuth(user, passwordOf(user)).send().status()).isEqualTo(200);
		assertThat(CountingPasswordEncoder.CHECKS.get() - before).isEqualTo(2);
	}

	/** The application's password encoder, counting how often a password is checked. */
	@TestConfiguration(proxyBeanMethods = false)
	static class CountingPasswordEncoder {

		static final AtomicInteger CHECKS = new AtomicInteger();

		@Bean
		@Primary
		PasswordEncoder countingPasswordEncoder() {
			PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
			return new PasswordEncoder() {

				@Override
				public String encode(CharSequence rawPassword) {
					return real.encode(rawPassword);
				}

				@Override
				public boolean matches(CharSequence rawPassword, String encodedPassword) {
					CHECKS.incrementAndGet();
					return real.matches(rawPassword, encodedPassword);
				}

				@Override
				public boolean upgradeEncoding(String encodedPassword) {
					return real.upgradeEncoding(encodedPassword);
				}

			};
		}

	}

}
