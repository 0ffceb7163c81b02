package dev.tokenkeeper.server.user;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.ServerProcess;
import dev.tokenkeeper.server.support.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The first start on an empty database, watched from outside while it happens: the system
 * administrator exists before the server serves its first request, so a script that waits for
 * the port and then logs in never meets a 401 from a server that is still setting itself up.
 */
class FirstStartIntegrationTests {

	@TempDir
	Path home;

	@Test
	void firstStartWhenTheServerAnswersItsFirstRequestThenTheAdministratorCanAlreadyLogIn() throws Exception {
		int port = ServerProcess.freePort();
		CompletableFuture<TestServer> starting = CompletableFuture.supplyAsync(() -> TestServer.start(this.home, port));
		try {
			Http http = new Http(port);
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(5))
				.until(() -> answers(http) || starting.isDone());

			int status = http.get("/rest/api/1.0/users/admin").basicAuth("admin", TestServer.ADMIN_PASSWORD).send().status();

			assertThat(status).isEqualTo(200);
		}
		finally {
			starting.get(60, TimeUnit.SECONDS).close();
		}
	}

	private static boolean answers(Http http) {
		try {
			return http.get("/rest/tokenkeeper/1.0/version").send().status() == 200;
		}
		catch (IllegalStateException ex) {
			return false;
		}
	}

}
