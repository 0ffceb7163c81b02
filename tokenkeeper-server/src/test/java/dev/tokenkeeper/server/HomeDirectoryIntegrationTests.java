package dev.tokenkeeper.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** The data directory as a user writes it on the command line: the embedded database under it. */
@Tag(TestDatabase.H2_ONLY)
class HomeDirectoryIntegrationTests {

	private static final String ADMIN_PASSWORD = "home-admin-pw";

	@Test
	void startWhenTheHomeIsAPlainRelativePathThenItIsTakenFromTheWorkingDirectory() throws IOException {
		// "target/..." rather than "./target/...": the embedded database refused such a path
		String home = "target/relative-home-" + UUID.randomUUID();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TokenkeeperApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--tokenkeeper.home=" + home,
				"--tokenkeeper.users.admin-password=" + ADMIN_PASSWORD)) {
			Http http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));

			assertThat(http.get("/rest/api/1.0/users/admin").basicAuth("admin", ADMIN_PASSWORD).send().status())
				.isEqualTo(200);
			assertThat(Path.of(home, "db")).isDirectory();
		}
		finally {
			FileSystemUtils.deleteRecursively(Path.of(home));
		}
		assertThat(Files.exists(Path.of(home))).isFalse();
	}

}
