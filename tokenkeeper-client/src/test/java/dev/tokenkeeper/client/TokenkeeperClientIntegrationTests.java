package dev.tokenkeeper.client;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import dev.tokenkeeper.client.testserver.FilteringProxy;
import dev.tokenkeeper.client.testserver.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client against a real Tokenkeeper server (with its extensions) on a random port. */
class TokenkeeperClientIntegrationTests {

	private static final List<String> READ = List.of("REPO_READ", "PROJECT_READ");

	private static TestServer server;

	@BeforeAll
	static void startServer() {
		server = TestServer.tokenkeeper();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void lifecycleWhenOwnerUsesPasswordThenCreateGetUpdateListAndDeleteWork() {
		String user = server.createUser("life");
		AccessTokens tokens = client(user).tokens(TokenOwner.user(user));

		IssuedToken created = tokens.create(new CreateTokenRequest("ci", List.of("REPO_WRITE", "PROJECT_READ"), 30));
		AccessToken token = created.token();
		assertThat(token.id()).matches("\\d{12}");
		assertThat(token.name()).isEqualTo("ci");
		assertThat(token.permissions()).containsExactly("REPO_WRITE", "PROJECT_READ");
		assertThat(token.expiryDays()).isEqualTo(30);
		assertThat(Duration.between(token.createdDate(), token.expiryDate())).isEqualTo(Duration.ofDays(30));
		assertThat(token.user().slug()).isEqualTo(user);
		assertThat(created.secret().reveal()).startsWith("BBDC-");

		assertThat(tokens.get(token.id())).isEqualTo(token);
		AccessToken renamed = tokens.update(token.id(), new UpdateTokenRequest("ci-renamed", null));
		assertThat(renamed.name()).isEqualTo("ci-renamed");
		assertThat(renamed.permissions()).containsExactly("REPO_WRITE", "PROJECT_READ");
		assertThat(tokens.listAll()).extracting(AccessToken::id).containsExactly(token.id());

		tokens.delete(token.id());
		assertThat(tokens.listAll()).isEmpty();
	}

	@Test
	void listWhenMoreTokensThanOnePageThenEveryPageIsFollowedInOrder() {
		String user = server.createUser("paging");
		TokenkeeperClient client = TokenkeeperClient.builder(server.baseUri())
			.credentials(Credentials.password(user, TestServer.passwordOf(user)))
			.pageSize(2)
			.build();
		AccessTokens tokens = client.tokens(TokenOwner.user(user));
		List<String> ids = IntStream.range(0, 5)
			.mapToObj(i -> tokens.create(new CreateTokenRequest("t" + i, READ, null)).token().id())
			.toList();

		assertThat(tokens.list().map(AccessToken::id)).containsExactlyElementsOf(ids);
		Page<AccessToken> first = tokens.page(0, 2);
		assertThat(first.isLastPage()).isFalse();
		assertThat(first.nextPageStart()).isEqualTo(2);
		assertThat(tokens.page(4, 2).isLastPage()).isTrue();
	}

	@Test
	void credentialsWhenTokenAsBearerOrAsBasicPasswordThenTheyAuthenticate() {
		String user = server.createUser("creds");
		IssuedToken issued = client(user).tokens(TokenOwner.user(user)).create(new CreateTokenRequest("x", READ, null));
		String secret = issued.secret().reveal();

		TokenkeeperClient bearer = client(Credentials.bearer(secret));
		TokenkeeperClient basic = client(Credentials.userToken(user, secret));

		assertThat(bearer.tokens(TokenOwner.user(user)).get(issued.token().id()).name()).isEqualTo("x");
		assertThat(basic.tokens(TokenOwner.user(user)).listAll()).hasSize(1);
		assertThat(bearer.self().id()).isEqualTo(issued.token().id());
	}

	@Test
	void errorsWhenServerRefusesThenTypedExceptionCarriesStatusAndMessages() {
		String user = server.createUser("errors");
		AccessTokens tokens = client(user).tokens(TokenOwner.user(user));

		assertThatThrownBy(() -> tokens.get("000000000000")).isInstanceOfSatisfying(ApiException.class, ex -> {
			assertThat(ex.status()).isEqualTo(404);
			assertThat(ex.isNotFound()).isTrue();
			assertThat(ex.errors()).singleElement().satisfies(error -> {
				assertThat(error.message()).contains("000000000000");
				assertThat(error.exceptionName()).endsWith("NoSuchAccessTokenException");
			});
		});
		assertThatThrownBy(() -> tokens.create(new CreateTokenRequest(" ", READ, null)))
			.isInstanceOfSatisfying(ApiException.class, ex -> {
				assertThat(ex.status()).isEqualTo(400);
				assertThat(ex.errors()).extracting(ErrorMessage::context).containsExactly("name");
			});
		assertThatThrownBy(() -> client(Credentials.password(user, "wrong")).tokens(TokenOwner.user(user)).listAll())
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.isAuthenticationFailure()).isTrue())
			.hasMessageNotContaining("wrong");
		assertThatThrownBy(() -> tokens.delete("not-an-id!")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void sendWhenNothingListensThenCommunicationExceptionNotApiException() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		TokenkeeperClient client = TokenkeeperClient.builder(URI.create("http://127.0.0.1:" + port))
			.credentials(Credentials.password("john", "secret-pw"))
			.build();

		assertThatThrownBy(() -> client.tokens(TokenOwner.user("john")).listAll())
			.isInstanceOf(CommunicationException.class)
			.hasMessageContaining("127.0.0.1:" + port)
			.hasMessageNotContaining("secret-pw");
	}

	@Test
	void renewWhenTokenkeeperThenSameSecretKeepsWorkingWithALaterExpiry() {
		String user = server.createUser("renew");
		AccessTokens tokens = client(user).tokens(TokenOwner.user(user));
		IssuedToken issued = server.clock()
			.at(Duration.ofDays(20), () -> tokens.create(new CreateTokenRequest("old", READ, 30)));

		AccessToken renewed = tokens.renew(issued.token().id(), 60);

		assertThat(renewed.id()).isEqualTo(issued.token().id());
		assertThat(renewed.expiryDays()).isEqualTo(60);
		assertThat(renewed.expiryDate()).isAfter(Instant.now().plus(Duration.ofDays(59)));
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, issued.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void rotateWhenGracePeriodThenBothSecretsWorkAndDeadlineIsReported() {
		String user = server.createUser("rotate");
		AccessTokens tokens = client(user).tokens(TokenOwner.user(user));
		IssuedToken issued = tokens.create(new CreateTokenRequest("rot", READ, 30));

		IssuedToken rotated = tokens.rotate(issued.token().id(), null, 10);

		assertThat(rotated.token().id()).isEqualTo(issued.token().id());
		assertThat(rotated.secret()).isNotEqualTo(issued.secret());
		assertThat(rotated.previousSecretValidUntil()).isBetween(Instant.now().plus(Duration.ofMinutes(9)),
				Instant.now().plus(Duration.ofMinutes(11)));
		String path = "/rest/access-tokens/1.0/users/" + user;
		assertThat(server.statusWithBearer(path, rotated.secret().reveal())).isEqualTo(200);
		assertThat(server.statusWithBearer(path, issued.secret().reveal())).isEqualTo(200);
	}

	@Test
	void rotateSelfWhenCalledWithTheTokenThenOldSecretStopsWithoutGrace() {
		String user = server.createUser("selfrot");
		IssuedToken issued = client(user).tokens(TokenOwner.user(user)).create(new CreateTokenRequest("ci", READ, 30));
		TokenkeeperClient asToken = client(Credentials.bearer(issued.secret()));

		IssuedToken rotated = asToken.rotateSelf(null, null);

		assertThat(rotated.token().id()).isEqualTo(issued.token().id());
		assertThat(rotated.previousSecretValidUntil()).isNull();
		assertThat(client(Credentials.bearer(rotated.secret())).self().id()).isEqualTo(issued.token().id());
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, issued.secret().reveal()))
			.isEqualTo(401);
	}

	@Test
	void capabilitiesWhenTokenkeeperThenExtensionsWithPasswordAndWithToken() {
		String user = server.createUser("probe");
		IssuedToken issued = client(user).tokens(TokenOwner.user(user)).create(new CreateTokenRequest("p", READ, null));
		List<AccessToken> before = client(user).tokens(TokenOwner.user(user)).listAll();

		assertThat(client(user).capabilities().nativeRenewal()).isTrue();
		assertThat(client(Credentials.bearer(issued.secret())).capabilities().nativeRenewal()).isTrue();
		assertThat(client(Credentials.userToken(user, issued.secret().reveal())).capabilities().rotation()).isTrue();
		assertThat(client(user).tokens(TokenOwner.user(user)).listAll()).extracting(AccessToken::id)
			.containsExactlyElementsOf(before.stream().map(AccessToken::id).toList());
		assertThatThrownBy(() -> client(Credentials.password(user, "wrong")).capabilities())
			.isInstanceOfSatisfying(ApiException.class, ex -> assertThat(ex.status()).isEqualTo(401));
	}

	@Test
	void capabilitiesWhenVersionEndpointIsMissingThenOlderTokenkeeperIsRecognisedBySelf() {
		String user = server.createUser("older");
		try (FilteringProxy olderServer = FilteringProxy.to(server.baseUri())) {
			olderServer.refuse(404, request -> request.path().equals("/rest/tokenkeeper/1.0/version"));
			TokenkeeperClient client = TokenkeeperClient.builder(olderServer.baseUri())
				.credentials(Credentials.password(user, TestServer.passwordOf(user)))
				.build();

			ServerCapabilities capabilities = client.capabilities();

			assertThat(capabilities.nativeRenewal()).isTrue();
			assertThat(capabilities.version()).isNull();
		}
		assertThat(client(user).capabilities().version()).isNotBlank();
	}

	@Test
	void renewalWhenTokenkeeperThenNativeRenewKeepsIdAndSecret() {
		String user = server.createUser("native");
		TokenkeeperClient client = client(user);
		AccessTokens tokens = client.tokens(TokenOwner.user(user));
		IssuedToken issued = server.clock()
			.at(Duration.ofDays(35), () -> tokens.create(new CreateTokenRequest("expired", READ, 30)));
		TokenRenewal renewal = new TokenRenewal(client, client.capabilities());

		RenewalOutcome outcome = renewal.renew(TokenOwner.user(user), issued.token(), null);

		assertThat(outcome).isInstanceOfSatisfying(RenewalOutcome.Renewed.class, renewed -> {
			assertThat(renewed.renewed().id()).isEqualTo(issued.token().id());
			assertThat(renewed.renewed().isExpiredAt(Instant.now())).isFalse();
		});
		assertThat(server.statusWithBearer("/rest/access-tokens/1.0/users/" + user, issued.secret().reveal()))
			.isEqualTo(200);
	}

	@Test
	void lifecycleWhenRepositoryTokenThenItsPathServesEveryOperationAndNativeRenewal() {
		server.createProject("CLI");
		server.createRepository("CLI", "app");
		TokenkeeperClient admin = client(Credentials.password(TestServer.ADMIN, TestServer.ADMIN_PASSWORD));
		AccessTokens tokens = admin.tokens(TokenOwner.repository("CLI", "app"));

		IssuedToken created = server.clock()
			.at(Duration.ofDays(25), () -> tokens.create(new CreateTokenRequest("deploy", READ, 30)));
		AccessToken renamed = tokens.update(created.token().id(), new UpdateTokenRequest("deploy-app", null));
		AccessToken renewed = tokens.renew(created.token().id(), null);
		IssuedToken rotated = tokens.rotate(created.token().id(), null, 5);

		assertThat(created.token().user().type()).isEqualTo("SERVICE");
		assertThat(renamed.name()).isEqualTo("deploy-app");
		assertThat(renewed.expiryDate()).isAfter(Instant.now().plus(Duration.ofDays(29)));
		assertThat(tokens.listAll()).extracting(AccessToken::id).containsExactly(created.token().id());
		assertThat(client(Credentials.bearer(rotated.secret())).self().id()).isEqualTo(created.token().id());
		assertThat(admin.tokens(TokenOwner.project("CLI")).listAll()).isEmpty();
		tokens.delete(created.token().id());
		assertThat(tokens.listAll()).isEmpty();
	}

	private static TokenkeeperClient client(String user) {
		return client(Credentials.password(user, TestServer.passwordOf(user)));
	}

	private static TokenkeeperClient client(Credentials credentials) {
		return TokenkeeperClient.builder(server.baseUri()).credentials(credentials).build();
	}

}
