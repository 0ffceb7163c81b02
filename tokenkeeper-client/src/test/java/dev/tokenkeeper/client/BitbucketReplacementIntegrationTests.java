package dev.tokenkeeper.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.tokenkeeper.client.testserver.FilteringProxy;
import dev.tokenkeeper.client.testserver.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client against Tokenkeeper in strict mode, which answers exactly as Bitbucket does (no
 * extensions): the probe finds no native renewal, and {@link TokenRenewal} replaces tokens
 * safely. A real HTTP gateway in front of the server makes single steps fail.
 */
class BitbucketReplacementIntegrationTests {

	private static final List<String> PERMISSIONS = List.of("REPO_ADMIN", "PROJECT_READ");

	private static TestServer server;

	private static FilteringProxy gateway;

	@BeforeAll
	static void startServer() {
		server = TestServer.strict();
		gateway = FilteringProxy.to(server.baseUri());
	}

	@AfterAll
	static void stopServer() {
		gateway.close();
		server.close();
	}

	@AfterEach
	void openGateway() {
		gateway.forwardEverything();
	}

	@Test
	void capabilitiesWhenStrictServerThenNoExtensionsWithPasswordOrToken() {
		String user = server.createUser("probe");
		IssuedToken issued = client(user).tokens(TokenOwner.user(user)).create(new CreateTokenRequest("p", PERMISSIONS, 5));

		assertThat(client(user).capabilities().nativeRenewal()).isFalse();
		assertThat(client(Credentials.bearer(issued.secret())).capabilities().nativeRenewal()).isFalse();
		assertThatThrownBy(() -> client(user).tokens(TokenOwner.user(user)).renew(issued.token().id(), null))
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.isNotFound()).isTrue());
	}

	@Test
	void renewWhenNoNativeRenewalThenReplacementKeepsNamePermissionsAndExpiryAndOldIsDeleted() {
		String user = server.createUser("replace");
		TokenkeeperClient client = client(user);
		AccessTokens tokens = client.tokens(TokenOwner.user(user));
		IssuedToken old = server.clock()
			.at(Duration.ofDays(25), () -> tokens.create(new CreateTokenRequest("deploy", PERMISSIONS, 30)));

		RenewalOutcome outcome = new TokenRenewal(client, client.capabilities()).renew(TokenOwner.user(user),
				old.token(), null);

		assertThat(outcome).isInstanceOf(RenewalOutcome.Replaced.class);
		IssuedToken replacement = ((RenewalOutcome.Replaced) outcome).replacement();
		AccessToken fresh = tokens.get(replacement.token().id());
		assertThat(fresh.name()).isEqualTo("deploy");
		assertThat(fresh.permissions()).containsExactlyElementsOf(PERMISSIONS);
		assertThat(fresh.expiryDays()).isEqualTo(30);
		assertThat(fresh.expiryDate()).isAfter(Instant.now().plus(Duration.ofDays(29)));
		assertThat(tokens.listAll()).extracting(AccessToken::id).containsExactly(fresh.id());
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, replacement.secret().reveal()))
			.isEqualTo(200);
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, old.secret().reveal()))
			.isEqualTo(401);
	}

	@Test
	void renewWhenNewSecretIsRefusedThenReplacementIsRemovedAndOldTokenStays() {
		String user = server.createUser("unverified");
		TokenkeeperClient client = clientThroughGateway(user);
		AccessTokens tokens = client.tokens(TokenOwner.user(user));
		IssuedToken old = tokens.create(new CreateTokenRequest("deploy", PERMISSIONS, 10));
		gateway.refuse(401, FilteringProxy.Request::bearer);

		RenewalOutcome outcome = new TokenRenewal(client, client.capabilities()).renew(TokenOwner.user(user),
				old.token(), null);

		assertThat(outcome).isInstanceOfSatisfying(RenewalOutcome.Failed.class, failed -> {
			assertThat(failed.state()).isEqualTo(RenewalOutcome.State.REPLACEMENT_DELETED);
			assertThat(failed.replacement()).isNull();
			assertThat(failed.cause()).isInstanceOf(ApiException.class);
			assertThat(failed.describe()).contains(old.token().id()).contains("unchanged");
		});
		assertThat(tokens.listAll()).containsExactly(tokens.get(old.token().id()));
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, old.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void renewWhenOldTokenCannotBeDeletedThenBothExistAndNewSecretIsHandedBack() {
		String user = server.createUser("undeletable");
		TokenkeeperClient client = clientThroughGateway(user);
		AccessTokens tokens = client.tokens(TokenOwner.user(user));
		IssuedToken old = tokens.create(new CreateTokenRequest("deploy", PERMISSIONS, 10));
		gateway.refuse(503, request -> request.method().equals("DELETE") && request.path().endsWith(old.token().id()));

		RenewalOutcome outcome = new TokenRenewal(client, client.capabilities()).renew(TokenOwner.user(user),
				old.token(), null);

		assertThat(outcome).isInstanceOfSatisfying(RenewalOutcome.Failed.class, failed -> {
			assertThat(failed.state()).isEqualTo(RenewalOutcome.State.OLD_TOKEN_NOT_DELETED);
			assertThat(failed.replacement()).isNotNull();
			assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user,
					failed.replacement().secret().reveal())).isEqualTo(200);
		});
		assertThat(tokens.listAll()).hasSize(2);
	}

	@Test
	void renewWhenProjectAndRepositoryTokensThenReplacedAfterTheNewSecretReadsItsOwner() {
		server.createProject("RPL");
		server.createRepository("RPL", "web");
		TokenkeeperClient admin = client(Credentials.password(TestServer.ADMIN, TestServer.ADMIN_PASSWORD));
		TokenRenewal renewal = new TokenRenewal(admin, admin.capabilities());
		List<String> read = List.of("REPO_READ", "PROJECT_READ");

		for (TokenOwner owner : List.of(TokenOwner.project("RPL"), TokenOwner.repository("RPL", "web"))) {
			AccessTokens tokens = admin.tokens(owner);
			IssuedToken old = tokens.create(new CreateTokenRequest("build", read, 30));

			RenewalOutcome outcome = renewal.renew(owner, old.token(), null);

			assertThat(outcome).as(owner.describe()).isInstanceOf(RenewalOutcome.Replaced.class);
			IssuedToken replacement = ((RenewalOutcome.Replaced) outcome).replacement();
			assertThat(tokens.listAll()).singleElement().satisfies(fresh -> {
				assertThat(fresh.id()).isEqualTo(replacement.token().id());
				assertThat(fresh.name()).isEqualTo("build");
				assertThat(fresh.permissions()).containsExactlyElementsOf(read);
				assertThat(fresh.expiryDays()).isEqualTo(30);
				assertThat(fresh.user().type()).isEqualTo("SERVICE");
			});
			assertThat(server.statusWithBearer("/rest/api/1.0/" + owner.path(), replacement.secret().reveal()))
				.isEqualTo(200);
			assertThat(server.statusWithBearer("/rest/api/1.0/" + owner.path(), old.secret().reveal())).isEqualTo(401);
		}
	}

	private static TokenkeeperClient client(String user) {
		return client(Credentials.password(user, TestServer.passwordOf(user)));
	}

	private static TokenkeeperClient client(Credentials credentials) {
		return TokenkeeperClient.builder(server.baseUri()).credentials(credentials).build();
	}

	private static TokenkeeperClient clientThroughGateway(String user) {
		return TokenkeeperClient.builder(gateway.baseUri())
			.credentials(Credentials.password(user, TestServer.passwordOf(user)))
			.build();
	}

}
