package dev.tokenkeeper.server.support.web;

import dev.tokenkeeper.server.support.ArgumentValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Bitbucket's {@code start} and {@code limit} query parameters. */
class PageRequestTests {

	@Test
	void parseWhenParametersAbsentThenStartZeroAndLimit25() {
		assertThat(PageRequest.parse(null, null)).isEqualTo(new PageRequest(0, 25));
		assertThat(PageRequest.parse("", "")).isEqualTo(new PageRequest(0, 25));
	}

	@Test
	void parseWhenParametersGivenThenUsed() {
		PageRequest request = PageRequest.parse("50", "10");

		assertThat(request.start()).isEqualTo(50);
		assertThat(request.limit()).isEqualTo(10);
		assertThat(request.fetchSize()).isEqualTo(11);
	}

	@Test
	void parseWhenLimitAboveTheCapThenCappedAt1000() {
		assertThat(PageRequest.parse("0", "1000").limit()).isEqualTo(1000);
		assertThat(PageRequest.parse("0", "1001").limit()).isEqualTo(1000);
		assertThat(PageRequest.parse("0", String.valueOf(Integer.MAX_VALUE)).limit()).isEqualTo(1000);
		assertThat(new PageRequest(0, 5000).limit()).isEqualTo(1000);
	}

	@Test
	void parseWhenLimitIsOneThenAccepted() {
		assertThat(PageRequest.parse("0", "1").limit()).isEqualTo(1);
		assertThat(PageRequest.parse("0", "1").fetchSize()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "-1", "-25", "-2147483648" })
	void parseWhenStartIsNegativeThenValidationErrorOnStart(String start) {
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> PageRequest.parse(start, null))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("start"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "-2147483648" })
	void parseWhenLimitIsZeroOrNegativeThenValidationErrorOnLimit(String limit) {
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> PageRequest.parse("0", limit))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("limit"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "1.5", "0x10", " 1", "2147483648", "1e3" })
	void parseWhenNotAWholeNumberThenValidationErrorNamingTheParameter(String value) {
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> PageRequest.parse(value, "10"))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("start"))
			.withMessageContaining("start");
		assertThatExceptionOfType(ArgumentValidationException.class).isThrownBy(() -> PageRequest.parse("0", value))
			.satisfies((ex) -> assertThat(ex.context()).isEqualTo("limit"))
			.withMessageContaining("limit");
	}

}
