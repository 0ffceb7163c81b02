package dev.tokenkeeper.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * How a client authenticates: HTTP Basic with a user name and password, HTTP Basic with a user
 * name and access token, or {@code Authorization: Bearer} with an access token. The secret never
 * appears in {@link #toString()}.
 */
public final class Credentials {

	/** The kinds of credentials Bitbucket accepts on its REST API. */
	public enum Kind {

		/** HTTP Basic, user name and password: may do everything the user may. */
		PASSWORD,

		/** HTTP Basic, user name and access token: may read tokens, never change them. */
		USER_TOKEN,

		/** {@code Authorization: Bearer} with an access token. */
		BEARER

	}

	private final Kind kind;

	private final String username;

	private final String secret;

	private Credentials(Kind kind, String username, String secret) {
		this.kind = kind;
		this.username = username;
		this.secret = Objects.requireNonNull(secret, "secret");
	}

	/**
	 * HTTP Basic with a user name and password.
	 * @param username the user name
	 * @param password the password
	 * @return the credentials
	 */
	public static Credentials password(String username, String password) {
		return new Credentials(Kind.PASSWORD, requireUsername(username), password);
	}

	/**
	 * HTTP Basic with a user name and one of that user's access tokens.
	 * @param username the user name
	 * @param token the raw access token
	 * @return the credentials
	 */
	public static Credentials userToken(String username, String token) {
		return new Credentials(Kind.USER_TOKEN, requireUsername(username), token);
	}

	/**
	 * {@code Authorization: Bearer} with an access token.
	 * @param token the raw access token
	 * @return the credentials
	 */
	public static Credentials bearer(String token) {
		return new Credentials(Kind.BEARER, null, token);
	}

	/**
	 * {@code Authorization: Bearer} with an access token.
	 * @param token the raw access token
	 * @return the credentials
	 */
	public static Credentials bearer(Secret token) {
		return bearer(token.reveal());
	}

	/** @return which kind of credentials these are */
	public Kind kind() {
		return this.kind;
	}

	/** @return the user name, empty for a bearer token */
	public Optional<String> username() {
		return Optional.ofNullable(this.username);
	}

	/** @return whether these credentials are an access token rather than a password */
	public boolean isToken() {
		return this.kind != Kind.PASSWORD;
	}

	/** The value of the {@code Authorization} header. */
	String authorizationHeader() {
		if (this.kind == Kind.BEARER) {
			return "Bearer " + this.secret;
		}
		String pair = this.username + ":" + this.secret;
		return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
	}

	private static String requireUsername(String username) {
		if (username == null || username.isBlank() || username.contains(":")) {
			throw new IllegalArgumentException("A user name must not be blank or contain ':'");
		}
		return username;
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case PASSWORD -> "Credentials[password of " + this.username + "]";
			case USER_TOKEN -> "Credentials[access token of " + this.username + "]";
			case BEARER -> "Credentials[bearer token]";
		};
	}

}
