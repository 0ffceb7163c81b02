package dev.tokenkeeper.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * HTTPS with nothing but Spring Boot's standard {@code server.ssl.*} properties and a PKCS#12
 * keystore made by the JDK's keytool, as docs/security.md describes. The client trusts exactly
 * that certificate.
 */
class TlsIntegrationTests {

	private static final String ADMIN_PASSWORD = "tls-admin-Secret-1";

	private static final String STORE_PASSWORD = "tls-store-Secret-1";

	@TempDir
	Path directory;

	@Test
	void smokeWhenServedOverHttpsWithASelfSignedCertificateThenTheWholeTokenPathWorks() throws Exception {
		Path keystore = generateKeystore();
		try (ConfigurableApplicationContext server = start(keystore)) {
			int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
			HttpClient client = HttpClient.newBuilder()
				.sslContext(trusting(keystore))
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String base = "https://127.0.0.1:" + port;
			String admin = Http.basic("admin", ADMIN_PASSWORD);

			assertThat(send(client, "POST", base + "/rest/api/1.0/admin/users?name=tess&password=tess-Secret-1"
					+ "&displayName=Tess&emailAddress=tess@example.com", admin, null).statusCode()).isEqualTo(204);
			String tess = Http.basic("tess", "tess-Secret-1");
			HttpResponse<String> created = send(client, "PUT", base + "/rest/access-tokens/1.0/users/tess", tess,
					"{\"name\":\"over tls\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
			assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
			JsonNode token = Http.parse(created.body());

			HttpResponse<String> bySecret = send(client, "GET", base + "/rest/access-tokens/latest/self",
					Http.bearer(token.get("token").asString()), null);
			assertThat(bySecret.statusCode()).isEqualTo(200);
			assertThat(Http.parse(bySecret.body()).get("id").asString()).isEqualTo(token.get("id").asString());

			HttpResponse<String> list = send(client, "GET", base + "/rest/access-tokens/1.0/users/tess", tess, null);
			assertThat(list.statusCode()).isEqualTo(200);
			assertThat(Http.parse(list.body()).get("size").asInt()).isEqualTo(1);

			assertPlainHttpIsRefused(port);
		}
	}

	/** Tomcat answers plain HTTP on a TLS port with its own 400 (or the connection just fails): never the API. */
	private static void assertPlainHttpIsRefused(int port) {
		HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		Throwable failure = catchThrowable(() -> {
			HttpResponse<String> response = send(plain, "GET", "http://127.0.0.1:" + port + "/rest/api/1.0/users",
					Http.basic("admin", ADMIN_PASSWORD), null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
			assertThat(response.body()).doesNotContain("\"values\"", "admin@");
		});
		if (failure != null) {
			assertThat(failure).isInstanceOf(IOException.class);
		}
	}

	private Path generateKeystore() throws IOException, InterruptedException {
		Path keystore = this.directory.resolve("tokenkeeper.p12");
		Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
		Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "tokenkeeper", "-keyalg",
				"EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost", "-ext",
				"SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", keystore.toString(),
				"-storepass", STORE_PASSWORD)
			.redirectErrorStream(true)
			.redirectOutput(this.directory.resolve("keytool.log").toFile())
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(Files.readString(this.directory.resolve("keytool.log"))).isZero();
		return keystore;
	}

	/** An SSLContext that trusts exactly the certificate in this keystore. */
	private static SSLContext trusting(Path keystore) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(keystore)) {
			store.load(in, STORE_PASSWORD.toCharArray());
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private ConfigurableApplicationContext start(Path keystore) {
		return new SpringApplicationBuilder(TokenkeeperApplication.class).run(List.of("--server.port=0",
				"--server.address=127.0.0.1", "--tokenkeeper.home=" + this.directory.resolve("home"),
				"--tokenkeeper.users.admin-password=" + ADMIN_PASSWORD, "--server.ssl.key-store=file:" + keystore,
				"--server.ssl.key-store-type=PKCS12", "--server.ssl.key-store-password=" + STORE_PASSWORD,
				"--server.ssl.key-alias=tokenkeeper")
			.toArray(String[]::new));
	}

	private static HttpResponse<String> send(HttpClient client, String method, String url, String auth, String json)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization", auth)
			.method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		return client.send(request.build(), BodyHandlers.ofString());
	}

}
