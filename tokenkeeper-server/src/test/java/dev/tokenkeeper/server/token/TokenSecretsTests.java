package dev.tokenkeeper.server.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import dev.tokenkeeper.server.token.TokenSecrets.NewSecret;
import dev.tokenkeeper.server.token.TokenSecrets.PresentedToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The raw token format of the contract ("Raw token format"): {@code BBDC-} + base64 of
 * {@code "<12-digit id>:"} and 20 random bytes, stored as the SHA-256 of the decoded bytes.
 * Expected values are computed here independently of {@link TokenSecrets}.
 */
class TokenSecretsTests {

	private static final String SCANNER_PATTERN = "BBDC-[A-Za-z0-9+/@_-]{40,50}";

	private static final byte[] ZEROS = new byte[20];

	private static final byte[] ONES = new byte[20];

	static {
		Arrays.fill(ONES, (byte) 0xff);
	}

	private final TokenSecrets secrets = new TokenSecrets(new SecureRandom(), "BBDC-");

	@Test
	void newIdWhenSampledManyTimesThenAlwaysTwelveDecimalDigits() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 2000; i++) {
			String id = this.secrets.newId();
			assertThat(id).matches("[0-9]{12}");
			ids.add(id);
		}
		// 2000 draws from 10^12 values: a collision has a probability of about 2e-6.
		assertThat(ids).hasSize(2000);
	}

	@Test
	void newIdWhenRandomValueIsSmallThenLeadingZerosKeepTwelveDigits() {
		FixedRandom random = new FixedRandom(42, ZEROS);
		assertThat(new TokenSecrets(random, "BBDC-").newId()).isEqualTo("000000000042");
		assertThat(random.lastBound).isEqualTo(1_000_000_000_000L);
	}

	@Test
	void newIdWhenRandomValueIsZeroOrLargestThenStillTwelveDigits() {
		assertThat(new TokenSecrets(new FixedRandom(0, ZEROS), "BBDC-").newId()).isEqualTo("000000000000");
		assertThat(new TokenSecrets(new FixedRandom(999_999_999_999L, ZEROS), "BBDC-").newId())
			.isEqualTo("999999999999");
	}

	@Test
	void newSecretWhenRandomBytesAreKnownThenRawTokenIsPrefixedBase64OfIdColonAndBytes() {
		byte[] bytes = new byte[20];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) i;
		}
		TokenSecrets fixed = new TokenSecrets(new FixedRandom(0, bytes), "BBDC-");

		NewSecret secret = fixed.newSecret("075905477751");

		// base64("075905477751:" + bytes 0x00..0x13), computed outside Java
		assertThat(secret.rawToken()).isEqualTo("BBDC-MDc1OTA1NDc3NzUxOgABAgMEBQYHCAkKCwwNDg8QERIT");
		assertThat(HexFormat.of().formatHex(secret.hash()))
			.isEqualTo("216838a67519bc571c508f4d3f162de453e13bad419355e114946d24c38ffe96");
	}

	@Test
	void newSecretWhenRandomThenRawTokenHasTheScannableShapeAndEncodesIdColonAndTwentyBytes() {
		String id = this.secrets.newId();

		NewSecret secret = this.secrets.newSecret(id);

		assertThat(secret.rawToken()).startsWith("BBDC-").hasSize(5 + 44).matches(SCANNER_PATTERN);
		byte[] decoded = Base64.getDecoder().decode(secret.rawToken().substring(5));
		assertThat(decoded).hasSize(12 + 1 + 20);
		assertThat(new String(decoded, 0, 13, StandardCharsets.US_ASCII)).isEqualTo(id + ":");
	}

	@Test
	void newSecretWhenBytesEncodeToPlusAndSlashThenTokenStillMatchesScannerPattern() {
		NewSecret secret = new TokenSecrets(new FixedRandom(0, ONES), "BBDC-").newSecret("000000000042");

		assertThat(secret.rawToken()).isEqualTo("BBDC-MDAwMDAwMDAwMDQyOv//////////////////////////")
			.matches(SCANNER_PATTERN);
	}

	@Test
	void newSecretWhenCreatedThenStoredHashIsSha256OfDecodedBytes() {
		NewSecret secret = this.secrets.newSecret("000000000007");

		byte[] decoded = Base64.getDecoder().decode(secret.rawToken().substring("BBDC-".length()));
		assertThat(secret.hash()).hasSize(32).isEqualTo(sha256(decoded));
	}

	@Test
	void newSecretWhenCalledTwiceForTheSameIdThenRawTokensAndHashesDiffer() {
		NewSecret first = this.secrets.newSecret("123456789012");
		NewSecret second = this.secrets.newSecret("123456789012");

		assertThat(second.rawToken()).isNotEqualTo(first.rawToken());
		assertThat(second.hash()).isNotEqualTo(first.hash());
	}

	@Test
	void parseWhenTokenWasJustCreatedThenRoundTripsWithIdAndMatchingHash() {
		String id = this.secrets.newId();
		NewSecret secret = this.secrets.newSecret(id);

		PresentedToken presented = TokenSecrets.parse(secret.rawToken()).orElseThrow();

		assertThat(presented.id()).isEqualTo(id);
		assertThat(presented.payload())
			.isEqualTo(Base64.getDecoder().decode(secret.rawToken().substring("BBDC-".length())));
		assertThat(presented.matches(secret.hash())).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "000000000000", "000000000123", "012345678901", "999999999999" })
	void idNumberWhenIdHasLeadingZerosOrNoneThenItIsTheNumberAndIdOfGivesTheIdBack(String id) {
		PresentedToken presented = TokenSecrets.parse(this.secrets.newSecret(id).rawToken()).orElseThrow();

		assertThat(presented.idNumber()).isEqualTo(Long.parseLong(id));
		assertThat(TokenSecrets.idOf(presented.idNumber())).isEqualTo(id);
	}

	@Test
	void idOfWhenTheNumberHasMoreThanTwelveDigitsOrIsNegativeThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenSecrets.idOf(1_000_000_000_000L));
		assertThatIllegalArgumentException().isThrownBy(() -> TokenSecrets.idOf(-1));
	}

	@Test
	void parseWhenPrefixIsAnotherEndingInDashThenAcceptedAndSameHashMatches() {
		NewSecret secret = this.secrets.newSecret("000000000123");
		String encoded = secret.rawToken().substring("BBDC-".length());

		PresentedToken presented = TokenSecrets.parse("ACME-TK-" + encoded).orElseThrow();

		assertThat(presented.id()).isEqualTo("000000000123");
		assertThat(presented.matches(secret.hash())).isTrue();
	}

	@Test
	void parseWhenNoPrefixThenLegacyTokenAcceptedAndSameHashMatches() {
		NewSecret secret = this.secrets.newSecret("000000000123");
		String legacy = secret.rawToken().substring("BBDC-".length());

		PresentedToken presented = TokenSecrets.parse(legacy).orElseThrow();

		assertThat(presented.id()).isEqualTo("000000000123");
		assertThat(presented.matches(secret.hash())).isTrue();
	}

	@Test
	void parseWhenIssuedWithoutPrefixThenAccepted() {
		TokenSecrets unprefixed = new TokenSecrets(new SecureRandom(), "");
		NewSecret secret = unprefixed.newSecret("555555555555");

		assertThat(secret.rawToken()).hasSize(44).doesNotContain("-");
		assertThat(TokenSecrets.parse(secret.rawToken())).hasValueSatisfying((presented) -> {
			assertThat(presented.id()).isEqualTo("555555555555");
			assertThat(presented.matches(secret.hash())).isTrue();
		});
	}

	@Test
	void parseWhenNullOrEmptyOrPrefixOnlyThenEmpty() {
		assertThat(TokenSecrets.parse(null)).isEmpty();
		assertThat(TokenSecrets.parse("")).isEmpty();
		assertThat(TokenSecrets.parse("BBDC-")).isEmpty();
	}

	@Test
	void parseWhenLongerThan128CharactersThenEmptyEvenIfTheEncodedPartIsValid() {
		String encoded = this.secrets.newSecret("000000000001").rawToken().substring("BBDC-".length());
		String longest = "X".repeat(128 - 44 - 1) + "-" + encoded;
		String tooLong = "X" + longest;

		assertThat(longest).hasSize(128);
		assertThat(TokenSecrets.parse(longest)).isPresent();
		assertThat(TokenSecrets.parse(tooLong)).isEmpty();
	}

	@Test
	void parseWhenNotBase64ThenEmpty() {
		assertThat(TokenSecrets.parse("BBDC-" + "!".repeat(44))).isEmpty();
		// the URL-safe alphabet is not the one tokens use
		assertThat(TokenSecrets.parse("BBDC-MDAwMDAwMDAwMDQyOv__________________________")).isEmpty();
		assertThat(TokenSecrets.parse("BBDC-MDc1OTA1NDc3NzUxOgABAgMEBQYHCAkKCwwNDg8QER=T")).isEmpty();
		assertThat(TokenSecrets.parse("BBDC-MDc1OTA1NDc3NzUx OgABAgMEBQYHCAkKCwwNDg8QERIT")).isEmpty();
	}

	@Test
	void parseWhenEncodedPartHasACharacterBeyondAsciiThenEmpty() {
		String encoded = this.secrets.newSecret("000000000123").rawToken().substring("BBDC-".length());

		for (char c : new char[] { '\u00e9', '\u0141', '\u00ff', '\u0100', '\uff21', '\u0000', '\u007f' }) {
			String changed = "BBDC-" + encoded.substring(0, 30) + c + encoded.substring(31);
			assertThat(TokenSecrets.parse(changed)).as("U+%04X", (int) c).isEmpty();
		}
	}

	@Test
	void parseWhenManyRandomVariantsThenAgreesWithTheJdkDecoderAndTheFormRules() {
		Random random = new Random(20261128);
		String characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=-_: \u00e9";
		for (int i = 0; i < 20_000; i++) {
			String encoded = this.secrets.newSecret(this.secrets.newId()).rawToken().substring("BBDC-".length());
			StringBuilder variant = new StringBuilder(encoded);
			int changes = random.nextInt(3);
			for (int c = 0; c < changes; c++) {
				variant.setCharAt(random.nextInt(variant.length()), characters.charAt(random.nextInt(characters.length())));
			}
			if (random.nextInt(10) == 0) {
				variant.setLength(random.nextInt(variant.length()));
			}
			String raw = "BBDC-" + variant;

			assertThat(TokenSecrets.parse(raw).map(PresentedToken::payload).map(HexFormat.of()::formatHex)).as(raw)
				.isEqualTo(reference(variant.toString()).map(HexFormat.of()::formatHex));
		}
	}

	/** What the token format admits, by the JDK's decoder: 12 digits, a colon, 20 bytes. */
	private static Optional<byte[]> reference(String encoded) {
		byte[] decoded;
		try {
			decoded = Base64.getDecoder().decode(encoded);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
		if (encoded.contains("-") || decoded.length != 33
				|| !new String(decoded, 0, 13, StandardCharsets.ISO_8859_1).matches("[0-9]{12}:")) {
			return Optional.empty();
		}
		return Optional.of(decoded);
	}

	@Test
	void parseWhenDecodedLengthIsWrongThenEmpty() {
		assertThat(TokenSecrets.parse(encode("075905477751:", 19))).isEmpty();
		assertThat(TokenSecrets.parse(encode("075905477751:", 21))).isEmpty();
		assertThat(TokenSecrets.parse(encode("075905477751:", 0))).isEmpty();
		assertThat(encode("075905477751:", 19)).hasSize(5 + 44);
		assertThat(TokenSecrets.parse(encode("075905477751:", 20))).isPresent();
	}

	@Test
	void parseWhenIdHasNonDigitThenEmpty() {
		assertThat(TokenSecrets.parse(encode("07590547775a:", 20))).isEmpty();
		assertThat(TokenSecrets.parse(encode(" 75905477751:", 20))).isEmpty();
		assertThat(TokenSecrets.parse(encode("/75905477751:", 20))).isEmpty();
		assertThat(TokenSecrets.parse(encode("07590547775:", 21))).isEmpty();
	}

	@Test
	void parseWhenColonIsMissingThenEmpty() {
		assertThat(TokenSecrets.parse(encode("075905477751;", 20))).isEmpty();
		assertThat(TokenSecrets.parse(encode("0759054777510", 20))).isEmpty();
	}

	@Test
	void matchesWhenHashIsTheStoredOneThenTrue() {
		NewSecret secret = this.secrets.newSecret("000000000999");

		assertThat(TokenSecrets.parse(secret.rawToken()).orElseThrow().matches(secret.hash().clone())).isTrue();
	}

	@Test
	void matchesWhenHashDiffersInOneBitThenFalse() {
		NewSecret secret = this.secrets.newSecret("000000000999");
		PresentedToken presented = TokenSecrets.parse(secret.rawToken()).orElseThrow();

		for (int bit = 0; bit < secret.hash().length * 8; bit++) {
			byte[] flipped = secret.hash().clone();
			flipped[bit / 8] ^= (byte) (1 << (bit % 8));
			assertThat(presented.matches(flipped)).as("bit %d flipped", bit).isFalse();
		}
	}

	@Test
	void matchesWhenHashIsNullOrTruncatedOrAnotherTokensThenFalse() {
		NewSecret secret = this.secrets.newSecret("000000000999");
		NewSecret other = this.secrets.newSecret("000000000999");
		PresentedToken presented = TokenSecrets.parse(secret.rawToken()).orElseThrow();

		assertThat(presented.matches(null)).isFalse();
		assertThat(presented.matches(new byte[0])).isFalse();
		assertThat(presented.matches(Arrays.copyOf(secret.hash(), 31))).isFalse();
		assertThat(presented.matches(other.hash())).isFalse();
	}

	@Test
	void sameHashWhenLengthIsNotAMultipleOfEightThenEveryByteStillCounts() {
		byte[] hash = new byte[13];
		new SecureRandom().nextBytes(hash);

		assertThat(TokenSecrets.sameHash(hash, hash.clone())).isTrue();
		for (int i = 0; i < hash.length; i++) {
			byte[] changed = hash.clone();
			changed[i] ^= (byte) 0x80;
			assertThat(TokenSecrets.sameHash(hash, changed)).as("byte %d changed", i).isFalse();
		}
	}

	@Test
	void sameHashWhenStoredHashIsLongerButStartsTheSameThenFalse() {
		NewSecret secret = this.secrets.newSecret("000000000999");

		assertThat(TokenSecrets.sameHash(secret.hash(), Arrays.copyOf(secret.hash(), 33))).isFalse();
		assertThat(TokenSecrets.sameHash(secret.hash(), Arrays.copyOf(secret.hash(), 40))).isFalse();
	}

	@Test
	void constructWhenPrefixDoesNotEndInDashThenRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenSecrets(new SecureRandom(), "BBDC"))
			.withMessageContaining("'-'");
		assertThatIllegalArgumentException().isThrownBy(() -> new TokenSecrets(new SecureRandom(), "-BBDC"));
	}

	@Test
	void toStringWhenSecretOrPresentedTokenThenRawTokenIsNeverShown() {
		NewSecret secret = this.secrets.newSecret("000000000321");
		String encoded = secret.rawToken().substring("BBDC-".length());
		PresentedToken presented = TokenSecrets.parse(secret.rawToken()).orElseThrow();

		assertThat(secret.toString()).doesNotContain(encoded)
			.doesNotContain(encoded.substring(20))
			.doesNotContain(HexFormat.of().formatHex(secret.hash()));
		assertThat(presented.toString()).doesNotContain(encoded)
			.doesNotContain(encoded.substring(20))
			.contains("000000000321");
	}

	private static String encode(String head, int randomBytes) {
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] payload = Arrays.copyOf(headBytes, headBytes.length + randomBytes);
		Arrays.fill(payload, headBytes.length, payload.length, (byte) 0x5a);
		return "BBDC-" + Base64.getEncoder().encodeToString(payload);
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void newSecretWhenIdIsNotTwelveDigitsThenRefused() {
		TokenSecrets secrets = new TokenSecrets(new SecureRandom(), "BBDC-");
		for (String id : new String[] { null, "", "12345678901", "1234567890123", "12345678901a", "-12345678901" }) {
			assertThatIllegalArgumentException().as(String.valueOf(id)).isThrownBy(() -> secrets.newSecret(id));
		}
	}

	/** Returns a fixed id value and fixed secret bytes, and remembers the id bound asked for. */
	private static final class FixedRandom extends SecureRandom {

		private final long idValue;

		private final byte[] secretBytes;

		private long lastBound;

		FixedRandom(long idValue, byte[] secretBytes) {
			this.idValue = idValue;
			this.secretBytes = secretBytes;
		}

		@Override
		public long nextLong(long bound) {
			this.lastBound = bound;
			return this.idValue;
		}

		@Override
		public void nextBytes(byte[] bytes) {
			assertThat(bytes).hasSameSizeAs(this.secretBytes);
			System.arraycopy(this.secretBytes, 0, bytes, 0, bytes.length);
		}

	}

}
