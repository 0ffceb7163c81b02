package dev.tokenkeeper.server.security;

import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** Each {@link HeaderRule} gives the verdict of Spring Security's own rule on every input. */
class HeaderRuleTests {

	private static final HttpFirewall SPRING_DEFAULT = new StrictHttpFirewall();

	@ParameterizedTest
	@EnumSource(HeaderRule.class)
	void testWhenAnySingleCharacterThenTheSameVerdictAsTheFirewallsDefault(HeaderRule rule) {
		Predicate<String> firewall = firewallDefault(rule);
		int allowed = 0;
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String text = "a" + (char) c + "b";
			assertThat(rule.test(text)).as("U+%04X", c).isEqualTo(firewall.test(text));
			allowed += rule.test(text) ? 1 : 0;
		}
		// both verdicts occur: controls and unassigned characters are refused, the rest allowed
		assertThat(allowed).isBetween(50_000, 65_000);
	}

	@ParameterizedTest
	@EnumSource(HeaderRule.class)
	void testWhenRandomStringsThenTheSameVerdictAsTheFirewallsDefault(HeaderRule rule) {
		Predicate<String> firewall = firewallDefault(rule);
		int[] pool = { 'A', 'z', '0', ' ', '~', '\t', '\n', '\r', 0, 0x1f, 0x7f, 0x80, 0x85, 0x9f, 0xa0, 0xe9, 0xff,
				0x378, 0x2028, 0xfeff, 0xe000, 0xffff, 0xd83d, 0xde00, 0xdc00, 0x1f600, 0x10ffff, 0xe0001, 0x2fffe };
		Random random = new Random(8);
		for (int i = 0; i < 50_000; i++) {
			StringBuilder value = new StringBuilder();
			int length = random.nextInt(12);
			for (int j = 0; j < length; j++) {
				int c = random.nextInt(4) == 0 ? random.nextInt(0x110000) : pool[random.nextInt(pool.length)];
				value.appendCodePoint(c);
			}
			String text = value.toString();
			assertThat(rule.test(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
				.isEqualTo(firewall.test(text));
		}
	}

	/** The default firewall's verdict on a header name asked for, or on a header value handed out. */
	private static Predicate<String> firewallDefault(HeaderRule rule) {
		return switch (rule) {
			case NAMES -> name -> allows(() -> SPRING_DEFAULT.getFirewalledRequest(request()).getHeader(name));
			case VALUES -> value -> {
				MockHttpServletRequest request = request();
				request.addHeader("X-Value", value);
				return allows(() -> SPRING_DEFAULT.getFirewalledRequest(request).getHeader("X-Value"));
			};
		};
	}

	private static MockHttpServletRequest request() {
		return new MockHttpServletRequest("GET", "/");
	}

	private static boolean allows(Runnable read) {
		try {
			read.run();
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

}
