package dev.tokenkeeper.server.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading the {@code Authorization} header into unverified Basic or Bearer credentials. */
class CredentialsConverterTests {

	private final CredentialsConverter converter = new CredentialsConverter();

	@Test
	void convertWhenNoAuthorizationHeaderThenAnonymous() {
		assertThat(this.converter.convert(new MockHttpServletRequest())).isNull();
	}

	@Test
	void convertWhenBasicThenUsernameAndPasswordDecoded() {
		Authentication authentication = convert("Basic " + basic("john.doe:s3cret"));

		assertThat(authentication).isInstanceOf(UsernamePasswordAuthenticationToken.class);
		assertThat(authentication.getPrincipal()).isEqualTo("john.doe");
		assertThat(authentication.getCredentials()).isEqualTo("s3cret");
		assertThat(authentication.isAuthenticated()).isFalse();
	}

	@Test
	void convertWhenBasicPasswordContainsColonsThenOnlyTheFirstColonSplits() {
		Authentication authentication = convert("Basic " + basic("john.doe:pa:ss:"));

		assertThat(authentication.getPrincipal()).isEqualTo("john.doe");
		assertThat(authentication.getCredentials()).isEqualTo("pa:ss:");
	}

	@Test
	void convertWhenBasicCarriesATokenThenItIsThePassword() {
		String token = "BBDC-MDc1OTA1NDc3NzUxOgABAgMEBQYHCAkKCwwNDg8QERIT";

		Authentication authentication = convert("Basic " + basic("john.doe:" + token));

		assertThat(authentication.getPrincipal()).isEqualTo("john.doe");
		assertThat(authentication.getCredentials()).isEqualTo(token);
	}

	@Test
	void convertWhenBasicIsUtf8ThenDecodedAsUtf8() {
		Authentication authentication = convert("Basic " + basic("jürgen:pässwörd€"));

		assertThat(authentication.getPrincipal()).isEqualTo("jürgen");
		assertThat(authentication.getCredentials()).isEqualTo("pässwörd€");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Basic", "basic", "BASIC", "bAsIc" })
	void convertWhenBasicSchemeInAnyCaseThenAccepted(String scheme) {
		Authentication authentication = convert(scheme + " " + basic("john.doe:s3cret"));

		assertThat(authentication.getPrincipal()).isEqualTo("john.doe");
		assertThat(authentication.getCredentials()).isEqualTo("s3cret");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Bearer", "bearer", "BEARER" })
	void convertWhenBearerSchemeInAnyCaseThenTokenRead(String scheme) {
		Authentication authentication = convert(scheme + " BBDC-abc+/def");

		assertThat(authentication).isInstanceOf(BearerTokenAuthentication.class);
		assertThat(authentication.getCredentials()).isEqualTo("BBDC-abc+/def");
		assertThat(authentication.isAuthenticated()).isFalse();
	}

	@Test
	void convertWhenExtraSpacesAroundCredentialsThenStripped() {
		assertThat(convert("  Bearer   BBDC-abc  ").getCredentials()).isEqualTo("BBDC-abc");
		assertThat(convert("Basic   " + basic("john.doe:s3cret") + "  ").getPrincipal()).isEqualTo("john.doe");
	}

	@Test
	void convertWhenBasicIsNotBase64ThenBadCredentials() {
		assertBadCredentials("Basic !!not-base64!!");
		assertBadCredentials("Basic " + basic("john.doe:s3cret").replace("=", "") + "=x");
	}

	@Test
	void convertWhenBasicHasNoColonThenBadCredentials() {
		assertBadCredentials("Basic " + basic("john.doe"));
	}

	@Test
	void convertWhenBasicUserIsEmptyThenBadCredentials() {
		assertBadCredentials("Basic " + basic(":s3cret"));
		assertBadCredentials("Basic " + basic(":"));
	}

	@Test
	void convertWhenBasicHasNoCredentialsThenBadCredentials() {
		assertBadCredentials("Basic");
		assertBadCredentials("Basic ");
	}

	@Test
	void convertWhenBearerIsEmptyThenBadCredentials() {
		assertBadCredentials("Bearer");
		assertBadCredentials("Bearer ");
		assertBadCredentials("Bearer    ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Digest username=\"john.doe\"", "Token abc", "Negotiate abc", "BBDC-abc", "Basicabc",
			"Bearerabc", "" })
	void convertWhenSchemeIsUnknownThenBadCredentials(String header) {
		assertBadCredentials(header);
	}

	@Test
	void convertWhenTwoAuthorizationHeadersThenBadCredentials() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Basic " + basic("john.doe:s3cret"));
		request.addHeader("Authorization", "Bearer BBDC-abc");

		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.converter.convert(request));
	}

	@Test
	void convertWhenTwoIdenticalAuthorizationHeadersThenBadCredentials() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", "Bearer BBDC-abc");
		request.addHeader("Authorization", "Bearer BBDC-abc");

		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> this.converter.convert(request));
	}

	@Test
	void convertWhenRejectedThenMessageNeverContainsTheCredentials() {
		String encoded = basic("john.doe");

		assertThatExceptionOfType(BadCredentialsException.class).isThrownBy(() -> convert("Basic " + encoded))
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(encoded).doesNotContain("john.doe"));
	}

	private Authentication convert(String header) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.addHeader("Authorization", header);
		return this.converter.convert(request);
	}

	private void assertBadCredentials(String header) {
		assertThatExceptionOfType(BadCredentialsException.class).as("Authorization: %s", header)
			.isThrownBy(() -> convert(header));
	}

	private static String basic(String userAndPassword) {
		return Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
	}

}
