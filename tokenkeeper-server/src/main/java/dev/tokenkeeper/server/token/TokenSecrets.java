package dev.tokenkeeper.server.token;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The raw token format and its hashing. A raw token is {@code <prefix>} followed by base64 of
 * {@code "<12-digit id>:"} and 20 random bytes: the id gives an O(1) lookup, the random bytes
 * are the secret. Only the SHA-256 of the decoded bytes is stored: the prefix is cosmetic (it
 * helps secret scanners), so changing it later does not invalidate issued tokens.
 */
public final class TokenSecrets {

	static final int ID_LENGTH = 12;

	static final int SECRET_BYTES = 20;

	private static final int PAYLOAD_BYTES = ID_LENGTH + 1 + SECRET_BYTES;

	/** The payload is a whole number of 3-byte groups, so its base64 form has no padding. */
	private static final int ENCODED_LENGTH = PAYLOAD_BYTES / 3 * 4;

	private static final long ID_BOUND = 1_000_000_000_000L;

	/** The value of each character of the standard base64 alphabet, -1 for every other ASCII character. */
	private static final byte[] BASE64_VALUES = new byte[128];

	static {
		Arrays.fill(BASE64_VALUES, (byte) -1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
		for (int i = 0; i < alphabet.length(); i++) {
			BASE64_VALUES[alphabet.charAt(i)] = (byte) i;
		}
	}

	private final SecureRandom random;

	private final String prefix;

	public TokenSecrets(SecureRandom random, String prefix) {
		if (!prefix.isEmpty() && !prefix.endsWith("-")) {
			throw new IllegalArgumentException("The token prefix must be empty or end with '-'");
		}
		this.random = random;
		this.prefix = prefix;
	}

	/** A fresh random token id: 12 decimal digits, possibly starting with 0. */
	public String newId() {
		return idOf(this.random.nextLong(ID_BOUND));
	}

	/** The token id that is this number: 12 decimal digits, the number's leading zeros included. */
	static String idOf(long number) {
		if (number < 0 || number >= ID_BOUND) {
			throw new IllegalArgumentException("A token id is " + ID_LENGTH + " decimal digits");
		}
		String digits = Long.toString(number);
		return "0".repeat(ID_LENGTH - digits.length()) + digits;
	}

	/** A new secret for the token with this id. The raw form must be shown once and then forgotten. */
	public NewSecret newSecret(String id) {
		if (id == null || id.length() != ID_LENGTH || !id.chars().allMatch(c -> c >= '0' && c <= '9')) {
			throw new IllegalArgumentException("A token id is " + ID_LENGTH + " decimal digits");
		}
		byte[] payload = new byte[PAYLOAD_BYTES];
		System.arraycopy((id + ":").getBytes(StandardCharsets.US_ASCII), 0, payload, 0, ID_LENGTH + 1);
		byte[] secret = new byte[SECRET_BYTES];
		this.random.nextBytes(secret);
		System.arraycopy(secret, 0, payload, ID_LENGTH + 1, SECRET_BYTES);
		return new NewSecret(this.prefix + Base64.getEncoder().encodeToString(payload), sha256(payload));
	}

	/**
	 * Parses a presented raw token. Anything that is not exactly the token format gives empty;
	 * any prefix ending in '-' is accepted, since base64 never contains '-'. This runs on every
	 * token-authenticated request, so it decodes straight from the string into the one array it
	 * returns (the JDK decoder would copy the string twice first; bench/RESULTS.md).
	 */
	public static Optional<PresentedToken> parse(String raw) {
		if (raw == null || raw.length() > 128) {
			return Optional.empty();
		}
		int start = raw.length() - ENCODED_LENGTH;
		if (start < 0 || (start > 0 && raw.charAt(start - 1) != '-')) {
			return Optional.empty();
		}
		byte[] payload = new byte[PAYLOAD_BYTES];
		for (int in = start, out = 0; out < PAYLOAD_BYTES; in += 4, out += 3) {
			// a character outside the alphabet is -1, which makes the whole group negative
			int group = sextet(raw.charAt(in)) << 18 | sextet(raw.charAt(in + 1)) << 12
					| sextet(raw.charAt(in + 2)) << 6 | sextet(raw.charAt(in + 3));
			if (group < 0) {
				return Optional.empty();
			}
			payload[out] = (byte) (group >> 16);
			payload[out + 1] = (byte) (group >> 8);
			payload[out + 2] = (byte) group;
		}
		if (payload[ID_LENGTH] != ':') {
			return Optional.empty();
		}
		for (int i = 0; i < ID_LENGTH; i++) {
			if (payload[i] < '0' || payload[i] > '9') {
				return Optional.empty();
			}
		}
		return Optional.of(new PresentedToken(payload));
	}

	private static int sextet(char c) {
		return c < BASE64_VALUES.length ? BASE64_VALUES[c] : -1;
	}

	/**
	 * Compares two hashes in constant time; a missing one never matches. Their lengths are not
	 * secret (every hash has 32 bytes), their contents are: every byte is read, whatever differs.
	 * {@link MessageDigest#isEqual} does the same a byte at a time and costs about 25 ns more per
	 * token-authenticated request; this compares 8 bytes at a time (bench/RESULTS.md).
	 */
	static boolean sameHash(byte[] hash, byte[] storedHash) {
		if (storedHash == null || storedHash.length != hash.length) {
			return false;
		}
		long difference = 0;
		int i = 0;
		for (; i <= hash.length - Long.BYTES; i += Long.BYTES) {
			difference |= (long) LONGS.get(hash, i) ^ (long) LONGS.get(storedHash, i);
		}
		for (; i < hash.length; i++) {
			difference |= hash[i] ^ storedHash[i];
		}
		return difference == 0;
	}

	/** Reads 8 bytes of an array as one long; the byte order does not matter to a comparison. */
	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

	static byte[] sha256(byte[] payload) {
		return SHA_256.get().digest(payload);
	}

	/** Looking a digest up by name costs more than hashing 33 bytes: each thread keeps its own. */
	private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	});

	/** A newly generated secret: the raw token for the caller and the hash to store. */
	public record NewSecret(String rawToken, byte[] hash) {

		@Override
		public String toString() {
			return "NewSecret[hidden]";
		}

	}

	/** A token as presented by a client: its decoded bytes, which begin with its id. */
	public record PresentedToken(byte[] payload) {

		/** The token's id, as stored. */
		public String id() {
			return new String(this.payload, 0, ID_LENGTH, StandardCharsets.US_ASCII);
		}

		/**
		 * The id as a number (what {@code idOf} turns back into the id), which the verification cache
		 * is keyed by: a number is one object to compare with a key found there, a string two.
		 */
		public long idNumber() {
			long number = 0;
			for (int i = 0; i < ID_LENGTH; i++) {
				number = number * 10 + (this.payload[i] - '0');
			}
			return number;
		}

		/** The hash under which this token's secret is stored. */
		public byte[] hash() {
			return sha256(this.payload);
		}

		/** Compares this token's hash with a stored one in constant time. */
		public boolean matches(byte[] storedHash) {
			return sameHash(hash(), storedHash);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PresentedToken that && MessageDigest.isEqual(this.payload, that.payload);
		}

		@Override
		public int hashCode() {
			return Long.hashCode(idNumber());
		}

		@Override
		public String toString() {
			return "PresentedToken[id=" + id() + "]";
		}

	}

}
