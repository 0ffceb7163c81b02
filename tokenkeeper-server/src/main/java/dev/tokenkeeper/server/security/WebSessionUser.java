package dev.tokenkeeper.server.security;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.tokenkeeper.server.user.User;

/**
 * Who a web UI session belongs to. Only the user's id and a fingerprint of their password hash
 * are kept: each request reads the user afresh, and a changed password, a revoked permission or
 * a deleted account ends the session at once.
 */
record WebSessionUser(long id, String name, String passwordFingerprint) implements Serializable {

	static WebSessionUser of(User user) {
		return new WebSessionUser(user.id(), user.name(), fingerprint(user.passwordHash()));
	}

	/** Whether the session may still act as this user, as they are now. */
	boolean isStillValidFor(User user) {
		return user.id() == this.id && user.mayAuthenticate() && user.passwordHash() != null
				&& MessageDigest.isEqual(fingerprint(user.passwordHash()).getBytes(StandardCharsets.US_ASCII),
						this.passwordFingerprint.getBytes(StandardCharsets.US_ASCII));
	}

	private static String fingerprint(String passwordHash) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(String.valueOf(passwordHash).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by every Java platform", ex);
		}
	}

	@Override
	public String toString() {
		return "WebSessionUser[id=" + this.id + ", name=" + this.name + "]";
	}

}
