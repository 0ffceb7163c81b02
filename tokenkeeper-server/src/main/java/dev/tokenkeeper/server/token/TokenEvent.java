package dev.tokenkeeper.server.token;

/**
 * Something happened to a token, published inside the transaction of the change (for
 * notifications and webhooks). Carries no secret.
 *
 * @param owner how people name the token's owner ("user john", "project PRJ")
 * @param actor who did it, or {@code null} for the server itself (expiry)
 */
public record TokenEvent(Kind kind, AccessToken token, String owner, String actor) {

	public enum Kind {

		CREATED("token.created"), UPDATED("token.updated"), RENEWED("token.renewed"), ROTATED("token.rotated"),
		DELETED("token.deleted"), EXPIRING("token.expiring"), EXPIRED("token.expired");

		private final String wireName;

		Kind(String wireName) {
			this.wireName = wireName;
		}

		/** The event's name in webhook payloads. */
		public String wireName() {
			return this.wireName;
		}

	}

}
