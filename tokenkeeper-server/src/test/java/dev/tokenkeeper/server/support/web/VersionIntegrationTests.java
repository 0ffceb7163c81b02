package dev.tokenkeeper.server.support.web;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionIntegrationTests extends IntegrationTestSupport {

	@Test
	void versionWhenAskedAnonymouslyThenTokenkeeperAndItsVersion() {
		Http.Response response = this.http.get("/rest/tokenkeeper/1.0/version").send();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("product").asString()).isEqualTo("Tokenkeeper");
		assertThat(response.json().get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
		assertThat(this.http.get("/rest/tokenkeeper/1.0/version").bearer("BBDC-wrong").send().status()).isEqualTo(401);
	}

}
