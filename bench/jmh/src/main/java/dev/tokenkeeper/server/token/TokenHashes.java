package dev.tokenkeeper.server.token;

/** The server's hash comparison, for benchmarks: in the server's package because it is not public. */
public final class TokenHashes {

	private TokenHashes() {
	}

	public static boolean same(byte[] hash, byte[] storedHash) {
		return TokenSecrets.sameHash(hash, storedHash);
	}

}
