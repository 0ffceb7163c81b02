package dev.tokenkeeper.client;

/**
 * What a server offers beside Bitbucket's access token API, as found by
 * {@link TokenkeeperClient#capabilities()}.
 *
 * @param tokenkeeperExtensions whether the server offers Tokenkeeper's extensions: native
 * renew (same secret), rotate, and {@code /self}; {@code false} for Bitbucket Server / Data
 * Center and for Tokenkeeper in strict mode
 * @param version Tokenkeeper's version, when the server tells it; otherwise {@code null}
 */
public record ServerCapabilities(boolean tokenkeeperExtensions, String version) {

	/** @return whether tokens can be renewed in place, keeping their id and secret */
	public boolean nativeRenewal() {
		return this.tokenkeeperExtensions;
	}

	/** @return whether tokens can be rotated (a new secret, same id) and read through {@code /self} */
	public boolean rotation() {
		return this.tokenkeeperExtensions;
	}

	/** @return "Tokenkeeper", with its version when known, or "Bitbucket (no extensions)" */
	public String describe() {
		if (!this.tokenkeeperExtensions) {
			return "Bitbucket (no extensions)";
		}
		return (this.version == null) ? "Tokenkeeper" : "Tokenkeeper " + this.version;
	}

}
