package dev.tokenkeeper.client;

import java.util.Objects;

/**
 * Renews tokens on any server. Where the server renews natively (Tokenkeeper) the token keeps
 * its id and secret. Elsewhere (Bitbucket, which cannot renew a token) it is replaced safely,
 * the careful form of Atlassian's "delete and re-create" workaround:
 * <ol>
 * <li>create the replacement with the same name, permissions and original {@code expiryDays};</li>
 * <li>prove that the new secret authenticates, by reading the new token with it as a Bearer token;</li>
 * <li>only then delete the old token.</li>
 * </ol>
 * Whatever step fails, the old token stays in place (or, if only its deletion failed, both
 * work and the new secret is handed back) and the outcome says exactly what exists.
 */
public final class TokenRenewal {

	private final TokenkeeperClient client;

	private final boolean nativeRenewal;

	/**
	 * @param client the client to renew with; it must be authenticated by password to create and delete tokens
	 * @param capabilities what the server offers, from {@link TokenkeeperClient#capabilities()}
	 */
	public TokenRenewal(TokenkeeperClient client, ServerCapabilities capabilities) {
		this.client = Objects.requireNonNull(client);
		this.nativeRenewal = capabilities.nativeRenewal();
	}

	/** @return whether renewals are done in place rather than by replacement */
	public boolean nativeRenewal() {
		return this.nativeRenewal;
	}

	/**
	 * Renews one token.
	 * @param owner the token's owner
	 * @param token the token, as listed or read
	 * @param expiryDays the new lifetime, or {@code null} to keep the token's own
	 * @return what was done; never throws for a server's refusal or a network failure
	 */
	public RenewalOutcome renew(TokenOwner owner, AccessToken token, Integer expiryDays) {
		AccessTokens tokens = this.client.tokens(owner);
		if (this.nativeRenewal) {
			try {
				return new RenewalOutcome.Renewed(token, tokens.renew(token.id(), expiryDays));
			}
			catch (TokenkeeperClientException ex) {
				return failed(token, RenewalOutcome.State.NOTHING_CHANGED, null, null, ex);
			}
		}
		return replace(tokens, token, expiryDays);
	}

	private RenewalOutcome replace(AccessTokens tokens, AccessToken token, Integer expiryDays) {
		CreateTokenRequest request = CreateTokenRequest.like(token);
		if (expiryDays != null) {
			request = request.withExpiryDays(expiryDays);
		}
		IssuedToken replacement;
		try {
			replacement = tokens.create(request);
		}
		catch (TokenkeeperClientException ex) {
			return failed(token, RenewalOutcome.State.NOTHING_CHANGED, null, null, ex);
		}
		String newId = replacement.token().id();
		try {
			verify(tokens.owner(), replacement);
		}
		catch (TokenkeeperClientException ex) {
			try {
				tokens.delete(newId);
				return failed(token, RenewalOutcome.State.REPLACEMENT_DELETED, newId, null, ex);
			}
			catch (TokenkeeperClientException deleteFailure) {
				ex.addSuppressed(deleteFailure);
				return failed(token, RenewalOutcome.State.REPLACEMENT_LEFT_BEHIND, newId, null, ex);
			}
		}
		try {
			tokens.delete(token.id());
		}
		catch (TokenkeeperClientException ex) {
			return failed(token, RenewalOutcome.State.OLD_TOKEN_NOT_DELETED, newId, replacement, ex);
		}
		return new RenewalOutcome.Replaced(token, replacement);
	}

	/** Reads the new token with its own secret; anything but that very token is a failure. */
	private void verify(TokenOwner owner, IssuedToken replacement) {
		AccessToken seen = this.client.withCredentials(Credentials.bearer(replacement.secret()))
			.tokens(owner)
			.get(replacement.token().id());
		if (!replacement.token().id().equals(seen.id())) {
			throw new UnexpectedResponseException("Reading token " + replacement.token().id()
					+ " with its own secret returned token " + seen.id(), null);
		}
	}

	private static RenewalOutcome failed(AccessToken token, RenewalOutcome.State state, String replacementId,
			IssuedToken replacement, TokenkeeperClientException cause) {
		return new RenewalOutcome.Failed(token, state, replacementId, replacement, cause);
	}

}
