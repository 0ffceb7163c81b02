package dev.tokenkeeper.client;

import java.util.Objects;

/**
 * A raw access token: the secret a server returns once, when it creates or rotates a token.
 * {@link #toString()} never shows it, so a secret that ends up in a log line, an exception
 * message or a debugger's summary stays hidden; only {@link #reveal()} gives the value.
 */
public final class Secret {

	private final String value;

	private Secret(String value) {
		this.value = value;
	}

	/**
	 * Wraps a raw token.
	 * @param value the raw token, not blank
	 * @return the secret
	 */
	public static Secret of(String value) {
		Objects.requireNonNull(value, "value");
		if (value.isBlank()) {
			throw new IllegalArgumentException("A secret must not be blank");
		}
		return new Secret(value);
	}

	/**
	 * The raw token, for handing to its user exactly once (printing it, writing it to a file).
	 * @return the raw token
	 */
	public String reveal() {
		return this.value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Secret that && this.value.equals(that.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return "Secret[hidden]";
	}

}
