package dev.tokenkeeper.server.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.sql.DataSource;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.TokenkeeperApplication;
import dev.tokenkeeper.server.support.DatabaseSnapshot;
import dev.tokenkeeper.server.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An online backup taken from a running server, restored as the docs say (unzip into a new data
 * directory, start the server on it), holds exactly what the database held when it was taken.
 */
class BackupRestoreIntegrationTests {

	private static final String ADMIN_PASSWORD = "backup-admin-pw";

	private static final String BACKUP = "/rest/tokenkeeper/1.0/admin/backup";

	@TempDir
	Path home;

	@TempDir
	Path restoredHome;

	@Test
	void restoreWhenABackupIsUnzippedIntoANewDataDirectoryThenExactlyTheDataAtBackupTimeIsThere() throws IOException {
		Map<String, List<String>> atBackup;
		Path backup;
		String keptToken;
		String laterToken;
		try (ConfigurableApplicationContext running = start(this.home)) {
			Http http = new Http(port(running));
			createUser(http, "dora");
			keptToken = createToken(http, "dora", "kept").get("token").asString();
			Http.Response response = http.post(BACKUP).basicAuth("admin", ADMIN_PASSWORD).send();
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			atBackup = DatabaseSnapshot.take(running.getBean(DataSource.class), Map.of());
			String name = response.json().get("name").asString();
			assertThat(name).matches("tokenkeeper-\\d{8}-\\d{6}-\\d{3}\\.zip");
			backup = this.home.resolve("backups").resolve(name);
			assertThat(backup).isRegularFile().hasSize(response.json().get("size").asLong());

			createUser(http, "eve");
			laterToken = createToken(http, "dora", "later").get("token").asString();
			assertThat(DatabaseSnapshot.take(running.getBean(DataSource.class), Map.of())).isNotEqualTo(atBackup);
		}

		unzip(backup, this.restoredHome.resolve("db"));
		try (ConfigurableApplicationContext restored = start(this.restoredHome)) {
			assertThat(DatabaseSnapshot.take(restored.getBean(DataSource.class), Map.of())).isEqualTo(atBackup);
			Http http = new Http(port(restored));
			assertThat(http.get("/rest/access-tokens/1.0/users/dora").bearer(keptToken).send().status()).isEqualTo(200);
			assertThat(http.get("/rest/access-tokens/1.0/users/dora").bearer(laterToken).send().status()).isEqualTo(401);
			assertThat(http.get("/rest/api/1.0/users/eve").basicAuth("admin", ADMIN_PASSWORD).send().status())
				.isEqualTo(404);
		}
	}

	@Test
	void backupWhenTheCallerIsNotASystemAdministratorByPasswordThen401AndNoFile() {
		try (ConfigurableApplicationContext running = start(this.home)) {
			Http http = new Http(port(running));
			createUser(http, "dora");
			assertThat(http.put("/rest/api/1.0/admin/permissions/users?name=dora&permission=ADMIN")
				.basicAuth("admin", ADMIN_PASSWORD)
				.send()
				.status()).isEqualTo(204);
			String adminToken = http.put("/rest/access-tokens/1.0/users/admin")
				.basicAuth("admin", ADMIN_PASSWORD)
				.json("{\"name\":\"ops\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_ADMIN\"]}")
				.send()
				.json()
				.get("token")
				.asString();
			for (Http.Request request : List.of(http.post(BACKUP).basicAuth("dora", "dora-pw"),
					http.post(BACKUP).bearer(adminToken), http.post(BACKUP))) {
				Http.Response response = request.send();
				assertThat(response.status()).as(response.toString()).isEqualTo(401);
				assertThat(response.json().get("errors").get(0).get("message").asString()).isNotBlank();
			}
			assertThat(this.home.resolve("backups")).doesNotExist();
		}
	}

	private static void createUser(Http http, String name) {
		assertThat(http.post("/rest/api/1.0/admin/users?name=" + name + "&password=" + name + "-pw&displayName=" + name
				+ "&emailAddress=" + name + "@example.com")
			.basicAuth("admin", ADMIN_PASSWORD)
			.send()
			.status()).isEqualTo(204);
	}

	private static JsonNode createToken(Http http, String user, String name) {
		Http.Response response = http.put("/rest/access-tokens/1.0/users/" + user)
			.basicAuth(user, user + "-pw")
			.json("{\"name\":\"" + name + "\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}")
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private static void unzip(Path zip, Path into) throws IOException {
		Files.createDirectories(into);
		try (ZipInputStream entries = new ZipInputStream(Files.newInputStream(zip))) {
			for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
				Path target = into.resolve(entry.getName()).normalize();
				assertThat(target).startsWithRaw(into);
				Files.copy(entries, target);
			}
		}
	}

	private static ConfigurableApplicationContext start(Path home) {
		return new SpringApplicationBuilder(TokenkeeperApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--tokenkeeper.home=" + home,
				"--tokenkeeper.users.admin-password=" + ADMIN_PASSWORD);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
