package dev.tokenkeeper.client;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The tokens of one owner (a user, a project or a repository): Bitbucket's list, get, create,
 * update and delete, and Tokenkeeper's renew and rotate. Obtained from
 * {@link TokenkeeperClient#tokens(TokenOwner)}; thread-safe.
 */
public final class AccessTokens {

	private static final TypeReference<Page<AccessToken>> TOKEN_PAGE = new TypeReference<>() {
	};

	private final HttpTransport transport;

	private final TokenOwner owner;

	private final int pageSize;

	AccessTokens(HttpTransport transport, TokenOwner owner, int pageSize) {
		this.transport = transport;
		this.owner = owner;
		this.pageSize = pageSize;
	}

	/** @return the owner these tokens belong to */
	public TokenOwner owner() {
		return this.owner;
	}

	/**
	 * Every token of the owner, fetched page by page as the stream is consumed (following
	 * {@code nextPageStart} until {@code isLastPage}).
	 * @return the tokens, oldest first as the server orders them
	 * @throws ApiException when the server refuses (401 not permitted, 404 unknown owner)
	 * @throws CommunicationException when the server cannot be reached
	 */
	public Stream<AccessToken> list() {
		Iterator<AccessToken> tokens = new PagingIterator();
		return StreamSupport.stream(Spliterators.spliteratorUnknownSize(tokens, Spliterator.ORDERED), false);
	}

	/**
	 * Every token of the owner, collected into a list.
	 * @return the tokens
	 */
	public List<AccessToken> listAll() {
		return list().toList();
	}

	/**
	 * One page of the owner's tokens.
	 * @param start the index of the first token (0 for the first page)
	 * @param limit the most tokens to return (the server caps it)
	 * @return the page
	 */
	public Page<AccessToken> page(int start, int limit) {
		JsonNode page = this.transport.send("GET", base() + "?start=" + start + "&limit=" + limit, null);
		return WireJson.mapper().convertValue(page, TOKEN_PAGE);
	}

	/**
	 * One token.
	 * @param tokenId the token's id
	 * @return the token
	 * @throws ApiException 404 when there is no such token for this owner
	 */
	public AccessToken get(String tokenId) {
		return token(this.transport.send("GET", tokenPath(tokenId), null));
	}

	/**
	 * Creates a token (Bitbucket answers 200 with the raw secret, shown this once).
	 * @param request name, permissions and optional lifetime
	 * @return the new token with its secret
	 */
	public IssuedToken create(CreateTokenRequest request) {
		return WireJson.readIssued(this.transport.send("PUT", base(), request));
	}

	/**
	 * Changes a token's name and/or permissions; what the request leaves {@code null} keeps its value.
	 * @param tokenId the token's id
	 * @param request the changes
	 * @return the changed token
	 */
	public AccessToken update(String tokenId, UpdateTokenRequest request) {
		return token(this.transport.send("POST", tokenPath(tokenId), request));
	}

	/**
	 * Deletes a token (Bitbucket answers 204).
	 * @param tokenId the token's id
	 */
	public void delete(String tokenId) {
		this.transport.send("DELETE", tokenPath(tokenId), null);
	}

	/**
	 * Renews a token in place (a Tokenkeeper extension): a new lifetime from now, the same id and
	 * secret. Tokenkeeper also renews a token that expired recently (within its policy's window).
	 * On a server without the extension this fails with a 404 {@link ApiException}; see
	 * {@link TokenRenewal} for the safe replacement that works everywhere.
	 * @param tokenId the token's id
	 * @param expiryDays the new lifetime, or {@code null} for the server's default (the token's own)
	 * @return the renewed token
	 */
	public AccessToken renew(String tokenId, Integer expiryDays) {
		Map<String, Object> body = new LinkedHashMap<>();
		putIfPresent(body, "expiryDays", expiryDays);
		return token(this.transport.send("POST", tokenPath(tokenId) + "/renew", body));
	}

	/**
	 * Rotates a token (a Tokenkeeper extension): a new secret, the same id, name and permissions.
	 * With a grace period the replaced secret keeps working until
	 * {@link IssuedToken#previousSecretValidUntil()}.
	 * @param tokenId the token's id
	 * @param expiryDays the new lifetime, or {@code null} for the server's default
	 * @param gracePeriodMinutes how long the replaced secret keeps working, or {@code null} for not at all
	 * @return the token with its new secret
	 */
	public IssuedToken rotate(String tokenId, Integer expiryDays, Integer gracePeriodMinutes) {
		return WireJson.readIssued(this.transport.send("POST", tokenPath(tokenId) + "/rotate",
				rotateBody(expiryDays, gracePeriodMinutes)));
	}

	static Map<String, Object> rotateBody(Integer expiryDays, Integer gracePeriodMinutes) {
		Map<String, Object> body = new LinkedHashMap<>();
		putIfPresent(body, "expiryDays", expiryDays);
		putIfPresent(body, "gracePeriodMinutes", gracePeriodMinutes);
		return body;
	}

	private static void putIfPresent(Map<String, Object> body, String field, Object value) {
		if (value != null) {
			body.put(field, value);
		}
	}

	static AccessToken token(JsonNode node) {
		if (node == null || !node.isObject()) {
			throw new UnexpectedResponseException("The server's response is not a token object", null);
		}
		return WireJson.mapper().treeToValue(node, AccessToken.class);
	}

	private String base() {
		return TokenkeeperClient.API + "/" + this.owner.path();
	}

	private String tokenPath(String tokenId) {
		if (tokenId == null || tokenId.isBlank() || !tokenId.chars().allMatch(Character::isLetterOrDigit)) {
			throw new IllegalArgumentException("A token id is a string of digits, not '" + tokenId + "'");
		}
		return base() + "/" + tokenId;
	}

	/** Follows Bitbucket's paging lazily; stops if a server's paging does not move forward. */
	private final class PagingIterator implements Iterator<AccessToken> {

		private Iterator<AccessToken> current = List.<AccessToken>of().iterator();

		private Integer nextStart = 0;

		@Override
		public boolean hasNext() {
			while (!this.current.hasNext() && this.nextStart != null) {
				Page<AccessToken> page = page(this.nextStart, AccessTokens.this.pageSize);
				this.current = page.values().iterator();
				boolean advances = page.nextPageStart() != null && page.nextPageStart() > this.nextStart;
				if (!page.isLastPage() && !advances) {
					throw new UnexpectedResponseException("The server's paging does not advance (start "
							+ this.nextStart + ", nextPageStart " + page.nextPageStart() + ")", null);
				}
				this.nextStart = page.isLastPage() ? null : page.nextPageStart();
			}
			return this.current.hasNext();
		}

		@Override
		public AccessToken next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return this.current.next();
		}

	}

}
