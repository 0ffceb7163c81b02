package dev.tokenkeeper.client;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * Renews tokens on any server. Where the server renews natively (Tokenkeeper) the token keeps
 * its id and secret. Elsewhere (Bitbucket, which cannot renew a token) it is replaced safely,
 * the careful form of Atlassian's "delete and re-create" workaround:
 * <ol>
 * <li>create the replacement with the same name, permissions and original {@code expiryDays};</li>
 * <li>prove that the new secret authenticates, by a read with it as a Bearer token (a user token
 * reads itself; a project or repository token reads its project or repository);</li>
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

	/**
	 * Proves the new secret authenticates, as Bearer, with a read that needs it and names what
	 * it reads: a user token reads itself (any token may read its owner's tokens); a project or
	 * repository token reads its project or repository (it holds at least read permission there,
	 * while reading the token list would need admin).
	 */
	private void verify(TokenOwner owner, IssuedToken replacement) {
		TokenkeeperClient asReplacement = this.client.withCredentials(Credentials.bearer(replacement.secret()));
		String newId = replacement.token().id();
		if (owner instanceof TokenOwner.User) {
			String seen = asReplacement.tokens(owner).get(newId).id();
			if (!newId.equals(seen)) {
				throw new UnexpectedResponseException("Reading token " + newId + " with its own secret returned token "
						+ seen, null);
			}
			return;
		}
		JsonNode resource = asReplacement.readOwnerResource(owner);
		String expected = (owner instanceof TokenOwner.Repository repository) ? repository.repositorySlug()
				: ((TokenOwner.Project) owner).projectKey();
		String seen = resource.path(owner instanceof TokenOwner.Repository ? "slug" : "key").asString("");
		if (!expected.equalsIgnoreCase(seen)) {
			throw new UnexpectedResponseException("Reading " + owner.describe() + " with the new token's secret returned '"
					+ seen + "'", null);
		}
	}

	private static RenewalOutcome failed(AccessToken token, RenewalOutcome.State state, String replacementId,
			IssuedToken replacement, TokenkeeperClientException cause) {
		return new RenewalOutcome.Failed(token, state, replacementId, replacement, cause);
	}

}
