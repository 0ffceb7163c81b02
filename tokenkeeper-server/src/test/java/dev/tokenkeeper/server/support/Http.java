package dev.tokenkeeper.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for a server under test; requests are built fluently and sent with {@code send()}. */
public final class Http {

	private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String baseUrl;

	public Http(int port) {
		this.baseUrl = "http://127.0.0.1:" + port;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Request get(String path) {
		return new Request("GET", path);
	}

	public Request put(String path) {
		return new Request("PUT", path);
	}

	public Request post(String path) {
		return new Request("POST", path);
	}

	public Request delete(String path) {
		return new Request("DELETE", path);
	}

	public Request request(String method, String path) {
		return new Request(method, path);
	}

	public static String basic(String user, String secret) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
	}

	public static String bearer(String token) {
		return "Bearer " + token;
	}

	public static JsonNode parse(String json) {
		return JSON.readTree(json);
	}

	public final class Request {

		private final String method;

		private final String path;

		private final Map<String, String> headers = new LinkedHashMap<>();

		private String body;

		private boolean chunked;

		private Request(String method, String path) {
			this.method = method;
			this.path = path;
		}

		public Request auth(String authorization) {
			return header("Authorization", authorization);
		}

		public Request basicAuth(String user, String secret) {
			return auth(basic(user, secret));
		}

		public Request bearer(String token) {
			return auth(Http.bearer(token));
		}

		public Request header(String name, String value) {
			this.headers.put(name, value);
			return this;
		}

		/** A JSON body, sent with {@code Content-Type: application/json}. */
		public Request json(String json) {
			this.headers.putIfAbsent("Content-Type", "application/json");
			this.body = json;
			return this;
		}

		public Request body(String body) {
			this.body = body;
			return this;
		}

		/** Sends the body without Content-Length (chunked), as a client streaming a body of unknown size does. */
		public Request chunked() {
			this.chunked = true;
			return this;
		}

		public Response send() {
			HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Http.this.baseUrl + this.path))
				.timeout(Duration.ofSeconds(30))
				.method(this.method, bodyPublisher());
			this.headers.forEach(builder::header);
			try {
				HttpResponse<String> response = CLIENT.send(builder.build(), BodyHandlers.ofString());
				return new Response(response.statusCode(), response.headers(), response.body());
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

		private HttpRequest.BodyPublisher bodyPublisher() {
			if (this.body == null) {
				return BodyPublishers.noBody();
			}
			HttpRequest.BodyPublisher publisher = BodyPublishers.ofString(this.body);
			// Without a known length the client sends Transfer-Encoding: chunked.
			return this.chunked ? BodyPublishers.fromPublisher(publisher) : publisher;
		}

	}

	public record Response(int status, java.net.http.HttpHeaders headers, String body) {

		public JsonNode json() {
			return parse(this.body);
		}

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
