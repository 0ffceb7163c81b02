package dev.tokenkeeper.client.testserver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP hop in front of a server, like a corporate gateway or reverse proxy: it forwards
 * every request unchanged, except those its rule refuses, which get a Bitbucket-style error
 * with the rule's status and nothing reaches the server. Tests use it to make one step of a
 * workflow fail for real (say, a gateway that lets no Bearer token through).
 */
public final class FilteringProxy implements AutoCloseable {

	private static final List<String> FORWARDED_HEADERS = List.of("Authorization", "Content-Type", "Accept");

	private final HttpServer server;

	private final URI target;

	private final HttpClient http = HttpClient.newHttpClient();

	private volatile Predicate<Request> refuse = request -> false;

	private volatile int refusalStatus = 401;

	private FilteringProxy(URI target) {
		this.target = target;
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	public static FilteringProxy to(URI target) {
		return new FilteringProxy(target);
	}

	public URI baseUri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
	}

	/** From now on, refuse the requests that match with {@code status}; {@link #forwardEverything()} undoes it. */
	public void refuse(int status, Predicate<Request> rule) {
		this.refusalStatus = status;
		this.refuse = rule;
	}

	public void forwardEverything() {
		this.refuse = request -> false;
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
					authorization);
			if (this.refuse.test(request)) {
				reply(exchange, this.refusalStatus, "{\"errors\":[{\"context\":null,\"message\":\"Refused by the gateway.\","
						+ "\"exceptionName\":null}]}");
				return;
			}
			byte[] body;
			try (InputStream in = exchange.getRequestBody()) {
				body = in.readAllBytes();
			}
			HttpRequest.Builder forward = HttpRequest.newBuilder(this.target.resolve(exchange.getRequestURI().getRawPath()
					+ (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery())))
				.method(request.method(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
						: HttpRequest.BodyPublishers.ofByteArray(body));
			for (String header : FORWARDED_HEADERS) {
				String value = exchange.getRequestHeaders().getFirst(header);
				if (value != null) {
					forward.header(header, value);
				}
			}
			HttpResponse<byte[]> response = this.http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
			response.headers().firstValue("Content-Type")
				.ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
			byte[] answer = response.body();
			exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
			if (answer.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		finally {
			exchange.close();
		}
	}

	private static void reply(HttpExchange exchange, int status, String json) throws IOException {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/** What a rule sees of a request. */
	public record Request(String method, String path, String authorization) {

		public boolean bearer() {
			return this.authorization != null && this.authorization.startsWith("Bearer ");
		}

	}

}
