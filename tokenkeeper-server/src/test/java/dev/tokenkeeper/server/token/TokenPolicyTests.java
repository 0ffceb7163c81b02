package dev.tokenkeeper.server.token;

import java.time.Duration;
import java.time.Instant;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The admin's expiry rules for new tokens. */
class TokenPolicyTests {

	private final TokenPolicy optional = policy(false, null);

	private final TokenPolicy required = policy(true, 90);

	@Test
	void checkExpiryDaysWhenNullAndExpiryIsOptionalThenAccepted() {
		assertThatNoException().isThrownBy(() -> this.optional.checkExpiryDays(null));
		assertThatNoException().isThrownBy(() -> policy(false, 90).checkExpiryDays(null));
	}

	@Test
	void checkExpiryDaysWhenNullAndExpiryIsRequiredThenRejected() {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> this.required.checkExpiryDays(null))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("expiryDays"));
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> policy(true, null).checkExpiryDays(null));
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, -90, Integer.MIN_VALUE })
	void checkExpiryDaysWhenZeroOrNegativeThenRejectedWithContextExpiryDays(int days) {
		for (TokenPolicy policy : new TokenPolicy[] { this.optional, this.required }) {
			assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> policy.checkExpiryDays(days))
				.satisfies((ex) -> assertThat(ex.context()).isEqualTo("expiryDays"))
				.withMessageContaining("positive");
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 91, 365, Integer.MAX_VALUE })
	void checkExpiryDaysWhenOverTheMaximumThenRejectedNamingTheMaximum(int days) {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> this.required.checkExpiryDays(days))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("expiryDays"))
			.withMessageContaining("90");
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> policy(false, 90).checkExpiryDays(days));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 30, 89, 90 })
	void checkExpiryDaysWhenPositiveAndAtMostTheMaximumThenAccepted(int days) {
		assertThatNoException().isThrownBy(() -> this.required.checkExpiryDays(days));
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 90, 3650, 1_000_000, Integer.MAX_VALUE })
	void checkExpiryDaysWhenNoMaximumThenAnyPositiveAccepted(int days) {
		assertThatNoException().isThrownBy(() -> this.optional.checkExpiryDays(days));
		assertThatNoException().isThrownBy(() -> policy(true, null).checkExpiryDays(days));
	}

	@Test
	void defaultExpiryDaysWhenNoneRequestedThenTheTokensOwnCappedAtTheMaximumElseTheMaximumElseNinety() {
		assertThat(policy(false, 30).defaultExpiryDays(90)).isEqualTo(30);
		assertThat(policy(false, 30).defaultExpiryDays(10)).isEqualTo(10);
		assertThat(policy(false, null).defaultExpiryDays(400)).isEqualTo(400);
		assertThat(policy(false, 60).defaultExpiryDays(null)).isEqualTo(60);
		assertThat(policy(false, null).defaultExpiryDays(null)).isEqualTo(90);
	}

	@Test
	void mayRenewExpiredWhenInsideTheWindowThenTrueAndFromItsEndOnFalse() {
		Instant expired = Instant.parse("2026-01-01T00:00:00Z");
		TokenPolicy policy = new TokenPolicy(false, null, 100, 30, true, 60);
		assertThat(policy.mayRenewExpired(expired, expired)).isTrue();
		assertThat(policy.mayRenewExpired(expired, expired.plus(Duration.ofDays(30)).minusMillis(1))).isTrue();
		assertThat(policy.mayRenewExpired(expired, expired.plus(Duration.ofDays(30)))).isFalse();
		assertThat(new TokenPolicy(false, null, 100, 0, true, 60).mayRenewExpired(expired, expired)).isFalse();
	}

	@Test
	void gracePeriodWhenWithinTheMaximumThenThatManyMinutesElseRefused() {
		TokenPolicy policy = new TokenPolicy(false, null, 100, 30, true, 60);
		assertThat(policy.gracePeriod(null)).isEqualTo(Duration.ZERO);
		assertThat(policy.gracePeriod(0)).isEqualTo(Duration.ZERO);
		assertThat(policy.gracePeriod(60)).isEqualTo(Duration.ofMinutes(60));
		for (int minutes : new int[] { -1, 61 }) {
			assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> policy.gracePeriod(minutes))
				.satisfies(ex -> assertThat(ex.context()).isEqualTo("gracePeriodMinutes"));
		}
	}

	@Test
	void constructorWhenSettingsAreNonsenseThenRefusedNamingTheSetting() {
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> new TokenPolicy(false, 0, 100, 30, true, 60))
			.satisfies(ex -> assertThat(ex.context()).isEqualTo("maxExpiryDays"));
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> new TokenPolicy(false, null, 0, 30, true, 60))
			.satisfies(ex -> assertThat(ex.context()).isEqualTo("maxTokensPerOwner"));
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> new TokenPolicy(false, null, 100, -1, true, 60))
			.satisfies(ex -> assertThat(ex.context()).isEqualTo("renewExpiredWithinDays"));
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> new TokenPolicy(false, null, 100, 30, true, -1))
			.satisfies(ex -> assertThat(ex.context()).isEqualTo("maxRotationGraceMinutes"));
	}

	private static TokenPolicy policy(boolean requireExpiry, Integer maxExpiryDays) {
		return new TokenPolicy(requireExpiry, maxExpiryDays, 100, 30, true, 10080);
	}

}
