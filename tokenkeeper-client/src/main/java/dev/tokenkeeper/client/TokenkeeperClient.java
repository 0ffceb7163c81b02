package dev.tokenkeeper.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * A client of Bitbucket Server / Data Center's access token API, and of Tokenkeeper, which
 * speaks the same API and adds renew, rotate and self-service. Plain Java: the JDK's
 * {@link HttpClient} and Jackson.
 *
 * <pre>{@code
 * TokenkeeperClient client = TokenkeeperClient.builder(URI.create("https://bitbucket.example.com"))
 *     .credentials(Credentials.password("john.doe", password))
 *     .build();
 * client.tokens(TokenOwner.user("john.doe")).list().forEach(token -> ...);
 * }</pre>
 *
 * Instances are immutable and thread-safe. TLS certificates are verified unless
 * {@link Builder#insecure(boolean)} says otherwise. Nothing is logged, and no exception message
 * contains a secret.
 */
public final class TokenkeeperClient {

	/** The access token API's base path; {@code latest} and {@code 1.0} are the same API. */
	static final String API = "/rest/access-tokens/latest";

	/** Tokenkeeper's own, anonymous description of itself; absent on Bitbucket and in strict mode. */
	static final String VERSION = "/rest/tokenkeeper/1.0/version";

	private final HttpTransport transport;

	private final int pageSize;

	private TokenkeeperClient(HttpTransport transport, int pageSize) {
		this.transport = transport;
		this.pageSize = pageSize;
	}

	/**
	 * Starts building a client.
	 * @param baseUri the server's base URL, e.g. {@code https://bitbucket.example.com} or
	 * {@code https://example.com/bitbucket} (with the context path, without {@code /rest})
	 * @return a builder
	 */
	public static Builder builder(URI baseUri) {
		return new Builder(baseUri);
	}

	/** @return the server's base URL, without a trailing slash */
	public String baseUrl() {
		return this.transport.baseUrl();
	}

	/** @return the credentials this client authenticates with */
	public Credentials credentials() {
		return this.transport.credentials();
	}

	/**
	 * The same server, TLS settings and connection pool with other credentials; used, for
	 * instance, to prove that a new token's secret authenticates.
	 * @param credentials the other credentials
	 * @return a new client
	 */
	public TokenkeeperClient withCredentials(Credentials credentials) {
		return new TokenkeeperClient(this.transport.withCredentials(Objects.requireNonNull(credentials)),
				this.pageSize);
	}

	/**
	 * The tokens of one owner.
	 * @param owner a user, project or repository
	 * @return the operations on that owner's tokens
	 */
	public AccessTokens tokens(TokenOwner owner) {
		return new AccessTokens(this.transport, Objects.requireNonNull(owner), this.pageSize);
	}

	/**
	 * The token this client authenticates with (Tokenkeeper's {@code GET /self}); needs token
	 * credentials.
	 * @return the calling token
	 * @throws ApiException 404 on a server without Tokenkeeper's extensions; 400 when
	 * authenticated by password
	 */
	public AccessToken self() {
		return AccessTokens.token(this.transport.send("GET", API + "/self", null));
	}

	/**
	 * The calling token rotates itself (Tokenkeeper's {@code POST /self/rotate}), if the server's
	 * policy allows it: for a CI job that holds nothing but its token.
	 * @param expiryDays the new lifetime, at most the token's own, or {@code null} for the default
	 * @param gracePeriodMinutes how long the replaced secret keeps working, or {@code null} for not at all
	 * @return the token with its new secret
	 */
	public IssuedToken rotateSelf(Integer expiryDays, Integer gracePeriodMinutes) {
		return WireJson.readIssued(this.transport.send("POST", API + "/self/rotate",
				AccessTokens.rotateBody(expiryDays, gracePeriodMinutes)));
	}

	/**
	 * Reads the project or repository that owns project or repository tokens, from Bitbucket's
	 * REST API ({@code /rest/api/latest/projects/{key}[/repos/{slug}]}).
	 */
	JsonNode readOwnerResource(TokenOwner owner) {
		JsonNode resource = this.transport.send("GET", "/rest/api/latest/" + owner.path(), null);
		if (resource == null || !resource.isObject()) {
			throw new UnexpectedResponseException("The server's answer for " + owner.describe() + " is not an object",
					null);
		}
		return resource;
	}

	/**
	 * Finds out whether the server offers Tokenkeeper's extensions, without changing anything.
	 * First {@code GET /rest/tokenkeeper/1.0/version}: Tokenkeeper answers 200 with
	 * {@code {"product":"Tokenkeeper","version":...}}; Bitbucket and Tokenkeeper in strict mode
	 * answer 404. Tokenkeeper servers older than that endpoint are recognised by
	 * {@code GET /rest/access-tokens/latest/self}: 200 with the calling token (token credentials)
	 * or 400 with Bitbucket's error envelope (a password), where Bitbucket answers 404.
	 * @return what the server offers
	 * @throws ApiException 401/403 when the credentials fail; 5xx when the server fails
	 */
	public ServerCapabilities capabilities() {
		HttpTransport.Response version = probe(VERSION);
		JsonNode about = version.json();
		if (version.status() == 200 && about != null && "Tokenkeeper".equals(about.path("product").asString(""))) {
			return new ServerCapabilities(true, about.path("version").asString(null));
		}
		HttpTransport.Response self = probe(API + "/self");
		JsonNode body = self.json();
		boolean tokenObject = self.status() == 200 && body != null && body.isObject() && body.has("id");
		boolean errorEnvelope = self.status() == 400 && body != null && body.path("errors").isArray();
		return new ServerCapabilities(tokenObject || errorEnvelope, null);
	}

	private HttpTransport.Response probe(String path) {
		HttpTransport.Response response = this.transport.exchange("GET", path, null);
		int status = response.status();
		if (status == 401 || status == 403 || status >= 500) {
			throw this.transport.apiException("GET", path, response);
		}
		return response;
	}

	/** Builds a {@link TokenkeeperClient}. */
	public static final class Builder {

		private final URI baseUri;

		private Credentials credentials;

		private boolean insecure;

		private Duration connectTimeout = Duration.ofSeconds(10);

		private Duration requestTimeout = Duration.ofSeconds(30);

		private int pageSize = 100;

		private Builder(URI baseUri) {
			Objects.requireNonNull(baseUri, "baseUri");
			String scheme = baseUri.getScheme();
			if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme) || baseUri.getHost() == null) {
				throw new IllegalArgumentException("The server URL must be http:// or https:// with a host, not '"
						+ baseUri + "'");
			}
			if (baseUri.getRawQuery() != null || baseUri.getRawUserInfo() != null) {
				throw new IllegalArgumentException("The server URL must not contain a query or user info");
			}
			this.baseUri = baseUri;
		}

		/**
		 * @param credentials how to authenticate (required)
		 * @return this builder
		 */
		public Builder credentials(Credentials credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * Turns TLS certificate and host name verification off, like {@code curl -k}: only for
		 * a server with a self-signed certificate on a network you trust.
		 * @param insecure {@code true} to accept any certificate
		 * @return this builder
		 */
		public Builder insecure(boolean insecure) {
			this.insecure = insecure;
			return this;
		}

		/**
		 * @param connectTimeout how long to wait for a connection (default 10 s)
		 * @return this builder
		 */
		public Builder connectTimeout(Duration connectTimeout) {
			this.connectTimeout = Objects.requireNonNull(connectTimeout);
			return this;
		}

		/**
		 * @param requestTimeout how long to wait for an answer (default 30 s)
		 * @return this builder
		 */
		public Builder requestTimeout(Duration requestTimeout) {
			this.requestTimeout = Objects.requireNonNull(requestTimeout);
			return this;
		}

		/**
		 * @param pageSize how many tokens to ask for per page when listing (default 100)
		 * @return this builder
		 */
		public Builder pageSize(int pageSize) {
			if (pageSize < 1) {
				throw new IllegalArgumentException("pageSize must be at least 1");
			}
			this.pageSize = pageSize;
			return this;
		}

		/** @return the client */
		public TokenkeeperClient build() {
			Objects.requireNonNull(this.credentials, "credentials");
			HttpClient.Builder http = HttpClient.newBuilder()
				.connectTimeout(this.connectTimeout)
				.followRedirects(HttpClient.Redirect.NEVER);
			if (this.insecure) {
				http.sslContext(InsecureTls.trustEverything());
			}
			return new TokenkeeperClient(new HttpTransport(http.build(), this.baseUri, this.credentials,
					this.requestTimeout), this.pageSize);
		}

	}

}
