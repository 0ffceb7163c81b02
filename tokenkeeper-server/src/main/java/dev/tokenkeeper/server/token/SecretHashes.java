package dev.tokenkeeper.server.token;

import java.time.Instant;

/**
 * The secret hashes of a token: the current one, and after a rotation with an overlap window the
 * previous one with the instant it stops working. {@code version} counts rotations, so that of
 * two concurrent rotations only one can win.
 */
public record SecretHashes(byte[] current, byte[] previous, Instant previousValidUntil, long version) {

	public static SecretHashes of(byte[] current) {
		return new SecretHashes(current, null, null, 0);
	}

	@Override
	public String toString() {
		return "SecretHashes[version=" + this.version + "]";
	}

}
