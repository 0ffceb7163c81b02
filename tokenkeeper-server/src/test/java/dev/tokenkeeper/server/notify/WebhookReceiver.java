package dev.tokenkeeper.server.notify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/** A real HTTP endpoint on loopback that records what it receives and fails the first N requests. */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresLeft = new AtomicInteger();

	WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			boolean fail = this.failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
			this.received.add(new Received(exchange.getRequestHeaders().getFirst("X-Tokenkeeper-Event"),
					exchange.getRequestHeaders().getFirst("X-Tokenkeeper-Timestamp"),
					exchange.getRequestHeaders().getFirst("X-Tokenkeeper-Signature"), body, !fail));
			exchange.sendResponseHeaders(fail ? 503 : 204, -1);
			exchange.close();
		});
		this.server.start();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/hook";
	}

	void failNext(int count) {
		this.failuresLeft.set(count);
	}

	List<Received> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	record Received(String event, String timestamp, String signature, String body, boolean accepted) {
	}

}
