package dev.tokenkeeper.server.database;

import java.nio.file.Path;

import dev.tokenkeeper.server.TokenkeeperApplication;
import dev.tokenkeeper.server.support.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** tokenkeeper.database makes a misconfigured server refuse to start rather than quietly use the embedded default. */
@Tag(TestDatabase.H2_ONLY)
class DatabaseSelectionIntegrationTests {

	@TempDir
	Path home;

	@Test
	void startWhenPostgresqlIsRequiredButTheUrlIsTheEmbeddedDefaultThenTheServerRefusesToStart() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(TokenkeeperApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--tokenkeeper.home=" + this.home, "--tokenkeeper.database=postgresql"))
			.hasStackTraceContaining("tokenkeeper.database is postgresql but spring.datasource.url points at h2");
	}

}
