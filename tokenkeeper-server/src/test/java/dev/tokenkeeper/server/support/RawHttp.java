package dev.tokenkeeper.server.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written by hand on a plain socket, for what a well-behaved client refuses to send:
 * raw bytes in the request line, broken headers, repeated headers, bodies that lie about their
 * size. One request per connection ({@code Connection: close} is the caller's to send); the
 * answer is read until the server closes.
 */
public final class RawHttp {

	private static final int TIMEOUT_MILLIS = 15_000;

	private final int port;

	public RawHttp(int port) {
		this.port = port;
	}

	/** A request from its parts: the request line, header lines (without CRLF) and a body. */
	public static byte[] request(String requestLine, List<String> headerLines, byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(requestLine.getBytes(StandardCharsets.ISO_8859_1));
		out.writeBytes(new byte[] { '\r', '\n' });
		for (String line : headerLines) {
			out.writeBytes(line.getBytes(StandardCharsets.ISO_8859_1));
			out.writeBytes(new byte[] { '\r', '\n' });
		}
		out.writeBytes(new byte[] { '\r', '\n' });
		if (body != null) {
			out.writeBytes(body);
		}
		return out.toByteArray();
	}

	/** Sends the bytes as they are and reads the answer; {@code null} when the server closed without one. */
	public Answer send(byte[] request) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
				socket.shutdownOutput();
			}
			catch (IOException ex) {
				// The server may answer and close before it has read everything (a body over the limit).
			}
			byte[] received = readAll(socket.getInputStream());
			return received.length == 0 ? null : Answer.parse(received);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				received.write(buffer, 0, n);
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("No complete answer within " + TIMEOUT_MILLIS + " ms; got: "
					+ received.toString(StandardCharsets.ISO_8859_1), ex);
		}
		catch (IOException ex) {
			// A reset after the answer was sent still leaves the answer to look at.
			if (received.size() == 0) {
				throw ex;
			}
		}
		return received.toByteArray();
	}

	/** A response: status, headers by lower-case name, and the body decoded as UTF-8 (de-chunked). */
	public record Answer(int status, Map<String, List<String>> headers, String body) {

		static Answer parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			String head = end < 0 ? text : text.substring(0, end);
			String[] lines = head.split("\r\n");
			String[] statusLine = lines[0].split(" ", 3);
			if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
				throw new IllegalStateException("Not an HTTP response: " + head);
			}
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
							name -> new ArrayList<>())
						.add(lines[i].substring(colon + 1).trim());
				}
			}
			byte[] body = new byte[0];
			if (end >= 0) {
				byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
				body = headers.getOrDefault("transfer-encoding", List.of()).contains("chunked") ? dechunk(rest) : rest;
			}
			return new Answer(Integer.parseInt(statusLine[1]), headers, new String(body, StandardCharsets.UTF_8));
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			int at = 0;
			while (at < chunked.length) {
				int lineEnd = indexOfCrlf(chunked, at);
				if (lineEnd < 0) {
					break;
				}
				String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1);
				int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
				if (size == 0) {
					break;
				}
				body.write(chunked, lineEnd + 2, Math.min(size, chunked.length - lineEnd - 2));
				at = lineEnd + 2 + size + 2;
			}
			return body.toByteArray();
		}

		private static int indexOfCrlf(byte[] bytes, int from) {
			for (int i = from; i + 1 < bytes.length; i++) {
				if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
					return i;
				}
			}
			return -1;
		}

		public String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers + " " + this.body;
		}

	}

}
