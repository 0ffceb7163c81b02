package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/** The admin's expiry rules for new tokens. */
class TokenPolicyTests {

	private final TokenPolicy optional = new TokenPolicy(false, null, 100);

	private final TokenPolicy required = new TokenPolicy(true, 90, 100);

	@Test
	void checkExpiryDaysWhenNullAndExpiryIsOptionalThenAccepted() {
		assertThatNoException().isThrownBy(() -> this.optional.checkExpiryDays(null));
		assertThatNoException().isThrownBy(() -> new TokenPolicy(false, 90, 100).checkExpiryDays(null));
	}

	@Test
	void checkExpiryDaysWhenNullAndExpiryIsRequiredThenRejected() {
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> this.required.checkExpiryDays(null))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("expiryDays"));
		assertThatExceptionOfType(ArgumentValidationException.class)
			.isThrownBy(() -> new TokenPolicy(true, null, 100).checkExpiryDays(null));
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
			.isThrownBy(() -> new TokenPolicy(false, 90, 100).checkExpiryDays(days));
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
		assertThatNoException().isThrownBy(() -> new TokenPolicy(true, null, 100).checkExpiryDays(days));
	}

}
