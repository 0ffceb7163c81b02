package dev.tokenkeeper.client;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.tokenkeeper.client.testserver.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A server with a self-signed certificate for another host name, as in the KB's {@code curl -k}:
 * refused by default, accepted only when certificate checks are explicitly turned off.
 */
class InsecureTlsIntegrationTests {

	private static Path keyStoreDirectory;

	private static TestServer server;

	@BeforeAll
	static void startServer() throws Exception {
		keyStoreDirectory = Files.createTempDirectory("tokenkeeper-tls");
		Path keyStore = keyStoreDirectory.resolve("server.p12");
		Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
				"-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=somewhere-else.example", "-keystore", keyStore.toString(), "-storetype", "PKCS12", "-storepass",
				"changeit", "-keypass", "changeit")
			.redirectErrorStream(true)
			.start();
		String output = new String(keytool.getInputStream().readAllBytes());
		assertThat(keytool.waitFor()).as(output).isZero();
		server = TestServer.tokenkeeper("server.ssl.key-store=" + keyStore, "server.ssl.key-store-type=PKCS12",
				"server.ssl.key-store-password=changeit", "server.ssl.key-alias=server");
	}

	@AfterAll
	static void stopServer() throws IOException {
		server.close();
		try (var files = Files.list(keyStoreDirectory)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.delete(keyStoreDirectory);
	}

	@Test
	void sendWhenCertificateIsSelfSignedThenRefusedAsCommunicationFailure() {
		TokenkeeperClient client = client(false);

		assertThatThrownBy(() -> client.tokens(TokenOwner.user(TestServer.ADMIN)).listAll())
			.isInstanceOf(CommunicationException.class)
			.hasMessageContaining("TLS")
			.hasMessageNotContaining(TestServer.ADMIN_PASSWORD);
	}

	@Test
	void sendWhenInsecureThenSelfSignedCertificateForAnotherHostIsAccepted() {
		List<AccessToken> tokens = client(true).tokens(TokenOwner.user(TestServer.ADMIN)).listAll();

		assertThat(tokens).isEmpty();
	}

	private static TokenkeeperClient client(boolean insecure) {
		return TokenkeeperClient.builder(URI.create("https://127.0.0.1:" + server.port()))
			.credentials(Credentials.password(TestServer.ADMIN, TestServer.ADMIN_PASSWORD))
			.insecure(insecure)
			.build();
	}

}
