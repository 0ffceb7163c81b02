package dev.tokenkeeper.client;

/**
 * What {@link TokenRenewal#renew} did to one token. Only {@link Replaced} and
 * {@link Failed#replacement()} (when the old token could not be deleted) carry a new secret,
 * which must then be handed to the token's user.
 */
public sealed interface RenewalOutcome {

	/** @return the token as it was before */
	AccessToken original();

	/** @return whether the token is renewed or replaced and the old one is gone */
	boolean succeeded();

	/**
	 * Renewed in place by the server: same id, same secret, nothing to redistribute.
	 * @param original the token before
	 * @param renewed the token after, with its new expiry
	 */
	record Renewed(AccessToken original, AccessToken renewed) implements RenewalOutcome {

		@Override
		public boolean succeeded() {
			return true;
		}

	}

	/**
	 * Replaced: a new token with the same name and permissions was created, its secret proved
	 * to authenticate, and then the old token was deleted.
	 * @param original the deleted token
	 * @param replacement the new token and its secret
	 */
	record Replaced(AccessToken original, IssuedToken replacement) implements RenewalOutcome {

		@Override
		public boolean succeeded() {
			return true;
		}

	}

	/**
	 * Something failed; {@link #state()} says exactly what exists now.
	 * @param original the token that was to be renewed
	 * @param state what exists now
	 * @param replacementId the id of a replacement that was created, or {@code null}
	 * @param replacement the replacement and its secret, only in state {@link State#OLD_TOKEN_NOT_DELETED}
	 * (the new secret works and must be handed out); otherwise {@code null}
	 * @param cause what failed
	 */
	record Failed(AccessToken original, State state, String replacementId, IssuedToken replacement,
			TokenkeeperClientException cause) implements RenewalOutcome {

		@Override
		public boolean succeeded() {
			return false;
		}

		/** @return one sentence on what exists now and what to do, without any secret */
		public String describe() {
			String id = original().id();
			return switch (this.state) {
				case NOTHING_CHANGED -> "Nothing was changed; token " + id + " is as it was.";
				case REPLACEMENT_DELETED -> "The replacement " + this.replacementId
						+ " was created but its secret did not authenticate, so it was deleted again; token " + id
						+ " is unchanged.";
				case REPLACEMENT_LEFT_BEHIND -> "The replacement " + this.replacementId
						+ " was created but its secret did not authenticate, and deleting it failed too: delete token "
						+ this.replacementId + " yourself. Token " + id + " is unchanged.";
				case OLD_TOKEN_NOT_DELETED -> "The replacement " + this.replacementId
						+ " works, but token " + id + " could not be deleted and still works: switch to the new secret,"
						+ " then delete token " + id + ".";
			};
		}

	}

	/** What exists after a failed renewal. */
	enum State {

		/** Nothing was created or deleted; the old token is as it was. */
		NOTHING_CHANGED,

		/** A replacement was created, failed verification, and was deleted; the old token is unchanged. */
		REPLACEMENT_DELETED,

		/** A replacement was created and failed verification, and could not be deleted; the old token is unchanged. */
		REPLACEMENT_LEFT_BEHIND,

		/** The replacement works, but the old token could not be deleted: both exist. */
		OLD_TOKEN_NOT_DELETED

	}

}
