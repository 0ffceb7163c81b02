package dev.tokenkeeper.server.security;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HeaderValueRule} gives the verdict of Spring Security's own header value rule on every input. */
class HeaderValueRuleTests {

	private final HeaderValueRule rule = new HeaderValueRule();

	private final StrictHttpFirewall springDefault = new StrictHttpFirewall();

	@Test
	void testWhenAnySingleCharacterThenTheSameVerdictAsTheFirewallsDefault() {
		int allowed = 0;
		for (int c = 0; c <= Character.MAX_VALUE; c++) {
			String value = "a" + (char) c + "b";
			assertThat(this.rule.test(value)).as("U+%04X", c).isEqualTo(firewallAllows(value));
			allowed += this.rule.test(value) ? 1 : 0;
		}
		// both verdicts occur: controls and unassigned characters are refused, the rest allowed
		assertThat(allowed).isBetween(50_000, 65_000);
	}

	@Test
	void testWhenRandomStringsThenTheSameVerdictAsTheFirewallsDefault() {
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
			assertThat(this.rule.test(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
				.isEqualTo(firewallAllows(text));
		}
	}

	private boolean firewallAllows(String value) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.addHeader("X-Value", value);
		try {
			this.springDefault.getFirewalledRequest(request).getHeader("X-Value");
			return true;
		}
		catch (RequestRejectedException ex) {
			return false;
		}
	}

}
