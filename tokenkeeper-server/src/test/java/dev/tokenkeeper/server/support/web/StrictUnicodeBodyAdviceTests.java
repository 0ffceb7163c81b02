package dev.tokenkeeper.server.support.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class StrictUnicodeBodyAdviceTests {

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"\\ud800\"}", "{\"name\":\"a\\udc00b\"}", "{\"name\":\"\\ud800\\ud800\"}",
			"{\"name\":\"x\\ud83d\"}", "{\"name\":\"\\udfff\\ud800\"}", "{\"name\":\"\\uD83D\\n\"}",
			"{\"name\":\"\\uD83D\\\\uDE00\"}", "\\ud800" })
	void scanWhenASurrogateEscapeIsUnpairedThenItIsFound(String json) {
		assertThat(StrictUnicodeBodyAdvice.hasUnpairedSurrogateEscape(json)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"plain\"}", "{\"name\":\"\\uD83D\\uDE00\"}", "{\"name\":\"\\u00e9\\n\\t\"}",
			"{\"name\":\"\\\\ud800\"}", "{\"name\":\"\uD83D\uDE00\"}", "{\"name\":\"\\\\\"}", "", "\\",
			"{\"name\":\"\\u12\"}" })
	void scanWhenEverySurrogateEscapeIsPairedOrThereIsNoneThenNothingIsFound(String json) {
		assertThat(StrictUnicodeBodyAdvice.hasUnpairedSurrogateEscape(json)).isFalse();
	}

}
