package dev.tokenkeeper.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Bitbucket's error envelope becomes an {@link ApiException} with every message. */
class HttpTransportTests {

	private final HttpTransport transport = new HttpTransport(java.net.http.HttpClient.newHttpClient(),
			java.net.URI.create("http://127.0.0.1:1/"), Credentials.bearer("x"), java.time.Duration.ofSeconds(1));

	@Test
	void apiExceptionWhenErrorEnvelopeThenEveryMessageIsKept() {
		String body = """
				{"errors":[{"context":"name","message":"A token name is required.","exceptionName":"com.atlassian.X"},\
				{"context":null,"message":"Second reason.","exceptionName":null}]}""";

		ApiException ex = this.transport.apiException("PUT", "/rest/access-tokens/latest/users/john",
				new HttpTransport.Response(400, body));

		assertThat(ex.status()).isEqualTo(400);
		assertThat(ex.isValidationFailure()).isTrue();
		assertThat(ex.errors()).containsExactly(
				new ErrorMessage("name", "A token name is required.", "com.atlassian.X"),
				new ErrorMessage(null, "Second reason.", null));
		assertThat(ex.messages()).isEqualTo("A token name is required.; Second reason.");
		assertThat(ex.getMessage()).isEqualTo(
				"400 from PUT /rest/access-tokens/latest/users/john: A token name is required.; Second reason.");
	}

	@Test
	void apiExceptionWhenBodyIsNotTheEnvelopeThenStatusSpeaks() {
		ApiException ex = this.transport.apiException("GET", "/x", new HttpTransport.Response(502, "<html>bad gateway</html>"));

		assertThat(ex.errors()).extracting(ErrorMessage::message).containsExactly("HTTP 502 without a Bitbucket error message");
	}

	@Test
	void apiExceptionWhenRedirectedThenSaysWhereToInsteadOfFollowing() {
		ApiException ex = this.transport.apiException("GET", "/x",
				new HttpTransport.Response(301, "", "https://bitbucket.example.com/x"));

		assertThat(ex.messages()).contains("redirects to https://bitbucket.example.com/x");
	}

	@Test
	void apiExceptionWhenUnauthorizedOrForbiddenThenAuthenticationFailure() {
		assertThat(this.transport.apiException("GET", "/x", new HttpTransport.Response(401, "")).isAuthenticationFailure())
			.isTrue();
		assertThat(this.transport.apiException("GET", "/x", new HttpTransport.Response(403, "")).isAuthenticationFailure())
			.isTrue();
		assertThat(this.transport.apiException("GET", "/x", new HttpTransport.Response(404, "")).isNotFound()).isTrue();
	}

	@Test
	void toStringWhenCredentialsHoldSecretsThenSecretsAreHidden() {
		assertThat(Credentials.password("john", "hunter2").toString()).doesNotContain("hunter2").contains("john");
		assertThat(Credentials.userToken("john", "BBDC-abc").toString()).doesNotContain("BBDC-abc");
		assertThat(Credentials.bearer("BBDC-abc").toString()).doesNotContain("BBDC-abc");
		assertThat(Secret.of("BBDC-abc").toString()).doesNotContain("BBDC-abc");
	}

	@Test
	void authorizationHeaderWhenEachKindThenBasicOrBearer() {
		assertThat(Credentials.password("john", "pw").authorizationHeader()).isEqualTo("Basic am9objpwdw==");
		assertThat(Credentials.bearer("BBDC-abc").authorizationHeader()).isEqualTo("Bearer BBDC-abc");
	}

	@Test
	void pathWhenOwnerNamesNeedEscapingThenEachSegmentIsEncoded() {
		assertThat(TokenOwner.user("john.doe").path()).isEqualTo("users/john.doe");
		assertThat(TokenOwner.user("a b/c").path()).isEqualTo("users/a%20b%2Fc");
		assertThat(TokenOwner.project("PRJ").path()).isEqualTo("projects/PRJ");
		assertThat(TokenOwner.repository("PRJ", "web-app").path()).isEqualTo("projects/PRJ/repos/web-app");
	}

}
