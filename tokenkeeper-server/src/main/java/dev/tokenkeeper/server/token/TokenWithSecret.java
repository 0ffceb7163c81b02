package dev.tokenkeeper.server.token;

/** A token with its new raw secret (from create or rotate), to be shown this once and then forgotten. */
public record TokenWithSecret(AccessToken token, String rawToken) {

	@Override
	public String toString() {
		return "TokenWithSecret[" + this.token + "]";
	}

}
