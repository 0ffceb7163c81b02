package dev.tokenkeeper.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Sends one request and turns the answer into JSON or a typed exception. Knows nothing of
 * tokens. The {@code Authorization} header and request bodies never reach an exception message.
 */
final class HttpTransport {

	private final HttpClient http;

	private final String baseUrl;

	private final Credentials credentials;

	private final Duration requestTimeout;

	HttpTransport(HttpClient http, URI baseUri, Credentials credentials, Duration requestTimeout) {
		this.http = http;
		String base = baseUri.toString();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.credentials = credentials;
		this.requestTimeout = requestTimeout;
	}

	/** The same server and connection pool with other credentials. */
	HttpTransport withCredentials(Credentials other) {
		return new HttpTransport(this.http, URI.create(this.baseUrl), other, this.requestTimeout);
	}

	Credentials credentials() {
		return this.credentials;
	}

	String baseUrl() {
		return this.baseUrl;
	}

	/** Sends and returns the JSON body of a 2xx answer, or {@code null} if it has none. */
	JsonNode send(String method, String path, Object body) {
		Response response = exchange(method, path, body);
		if (response.status() < 200 || response.status() > 299) {
			throw apiException(method, path, response);
		}
		if (response.body().isBlank()) {
			return null;
		}
		try {
			return WireJson.mapper().readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new UnexpectedResponseException(method + " " + path + " answered " + response.status()
					+ " with a body that is not JSON; is " + this.baseUrl + " a Bitbucket or Tokenkeeper server?", null);
		}
	}

	/** Sends and returns whatever came back, without judging the status. */
	Response exchange(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(this.requestTimeout)
			.header("Accept", "application/json")
			.header("Authorization", this.credentials.authorizationHeader());
		if (body == null) {
			request.method(method, BodyPublishers.noBody());
		}
		else {
			request.header("Content-Type", "application/json")
				.method(method, BodyPublishers.ofString(WireJson.mapper().writeValueAsString(body)));
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body() == null ? "" : response.body(),
					response.headers().firstValue("Location").orElse(null));
		}
		catch (HttpTimeoutException ex) {
			throw new CommunicationException(this.baseUrl + " did not answer " + method + " " + path + " within "
					+ this.requestTimeout.toSeconds() + " s", ex);
		}
		catch (SSLException ex) {
			throw new CommunicationException("TLS failed with " + this.baseUrl + ": " + ex.getMessage()
					+ " (for a server with a self-signed certificate, turn certificate verification off explicitly)", ex);
		}
		catch (IOException ex) {
			throw new CommunicationException("Could not reach " + this.baseUrl + ": " + describe(ex), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommunicationException("Interrupted while waiting for " + this.baseUrl, ex);
		}
	}

	ApiException apiException(String method, String path, Response response) {
		return new ApiException(response.status(), method, path, errors(response));
	}

	private static List<ErrorMessage> errors(Response response) {
		List<ErrorMessage> errors = new ArrayList<>();
		if (response.status() >= 300 && response.status() < 400) {
			// Redirects are not followed: they could carry the credentials to another place.
			errors.add(new ErrorMessage(null, "The server redirects to " + response.location()
					+ "; use the URL it redirects to as the server's base URL", null));
			return errors;
		}
		try {
			JsonNode envelope = WireJson.mapper().readTree(response.body());
			JsonNode list = (envelope == null) ? null : envelope.get("errors");
			if (list != null && list.isArray()) {
				for (JsonNode error : list) {
					errors.add(new ErrorMessage(text(error, "context"), text(error, "message"),
							text(error, "exceptionName")));
				}
			}
		}
		catch (JacksonException ex) {
			// Not Bitbucket's envelope (an HTML error page of a proxy, say): the status alone speaks.
		}
		if (errors.isEmpty()) {
			errors.add(new ErrorMessage(null, "HTTP " + response.status() + " without a Bitbucket error message", null));
		}
		return errors;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static String describe(IOException ex) {
		String message = ex.getMessage();
		if (message == null && ex.getCause() != null) {
			message = ex.getCause().getMessage();
		}
		return ex.getClass().getSimpleName() + (message == null ? "" : " (" + message + ")");
	}

	/** A raw answer: status, body text and the {@code Location} of a redirect. */
	record Response(int status, String body, String location) {

		Response(int status, String body) {
			this(status, body, null);
		}

		JsonNode json() {
			try {
				return WireJson.mapper().readTree(this.body);
			}
			catch (JacksonException ex) {
				return null;
			}
		}

	}

}
