package dev.tokenkeeper.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The real server as a separate OS process on 127.0.0.1: the built runnable jar when it is newer
 * than the compiled classes, else the main class on this JVM's class path (no package needed).
 * Always {@link #close() closed} in a finally (try-with-resources): it is killed if still alive.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(120);

	private final Process process;

	private final int port;

	private final Path log;

	private ServerProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts a server on {@code home} with a fresh port and waits until it answers. */
	public static ServerProcess start(Path home, String adminPassword, String... arguments) {
		int port = freePort();
		Path log = home.resolve("server-" + port + ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
		Path jar = Path.of("target", "tokenkeeper-server.jar");
		if (isFresh(jar)) {
			command.addAll(List.of("-jar", jar.toString()));
		}
		else {
			command.addAll(List.of("-cp", System.getProperty("java.class.path"),
					"dev.tokenkeeper.server.TokenkeeperApplication"));
		}
		command.addAll(List.of("--server.port=" + port, "--server.address=127.0.0.1",
				"--tokenkeeper.users.admin-password=" + adminPassword));
		command.addAll(List.of(TestDatabase.arguments(TestDatabase.fresh(home))));
		command.addAll(List.of(arguments));
		try {
			Files.createDirectories(home);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			ServerProcess server = new ServerProcess(process, port, log);
			server.awaitReady(adminPassword);
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void awaitReady(String adminPassword) {
		Http http = new Http(this.port);
		try {
			await().atMost(STARTUP).pollInterval(Duration.ofMillis(200)).until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("The server exited during startup:\n" + output());
				}
				try {
					return http.get("/rest/api/1.0/users/admin").basicAuth("admin", adminPassword).send().status() == 200;
				}
				catch (IllegalStateException ex) {
					return false;
				}
			});
		}
		catch (RuntimeException ex) {
			close();
			throw ex;
		}
	}

	public int port() {
		return this.port;
	}

	public long pid() {
		return this.process.pid();
	}

	/** Everything the server printed so far. */
	public String output() {
		try {
			return Files.readString(this.log, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "(no output: " + ex + ")";
		}
	}

	/** SIGKILL: no shutdown hook, no flush, no goodbye. */
	public void kill() {
		this.process.destroyForcibly();
		waitForExit();
	}

	/** SIGTERM: the orderly shutdown an operator's service manager would ask for. */
	public int stop() {
		this.process.destroy();
		if (!waitForExit()) {
			kill();
		}
		return this.process.exitValue();
	}

	private boolean waitForExit() {
		try {
			return this.process.waitFor(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			kill();
		}
	}

	private static boolean isFresh(Path jar) {
		if (!Files.isRegularFile(jar)) {
			return false;
		}
		try (Stream<Path> classes = Files.walk(Path.of("target", "classes"))) {
			long newestClass = classes.mapToLong(path -> path.toFile().lastModified()).max().orElse(Long.MAX_VALUE);
			return jar.toFile().lastModified() >= newestClass;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** A loopback port that was free a moment ago. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
