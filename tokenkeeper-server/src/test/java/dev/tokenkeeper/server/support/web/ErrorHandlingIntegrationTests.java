package dev.tokenkeeper.server.support.web;

import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every way a request can be wrong gets a 4xx with Bitbucket's errors JSON: never a 500, never
 * a stack trace, never an HTML page, and never a change half made. Each failed create is
 * followed by a look at the owner's tokens, which must be exactly as before.
 */
class ErrorHandlingIntegrationTests extends IntegrationTestSupport {

	private static final String VALID_BODY = "{\"name\":\"ok\",\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}";

	private static final String OUT_OF_RANGE_EXPIRY = "{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],"
			+ "\"expiryDays\":99999999999}";

	private static final String NESTED_PERMISSION = "{\"name\":\"t\",\"permissions\":[\"REPO_READ\",[\"PROJECT_READ\"]]}";

	private static final int MAX_BODY = 64 * 1024;

	private String user;

	private String tokens;

	private String existingTokenId;

	@BeforeEach
	void createUserWithOneToken() {
		this.user = createUser("errors");
		this.tokens = "/rest/access-tokens/1.0/users/" + this.user;
		this.existingTokenId = createToken(this.user).get("id").asString();
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":", "not json", "{\"name\":\"a\" \"permissions\":[]}", "{'name':'single'}",
			"{\"name\":\"a\",\"name\":\"b\",\"permissions\":[\"REPO_READ\"]}", "[]", "null" })
	void createWhenBodyIsNotAnAcceptableJsonObjectThen400AndNoToken(String body) {
		assertErrors(createWith(body), 400, null);
		assertTokensUnchanged();
	}

	@ParameterizedTest
	@ValueSource(strings = { VALID_BODY + " x", VALID_BODY + VALID_BODY, VALID_BODY + "]" })
	void createWhenValidJsonIsFollowedByGarbageThen400AndNoToken(String body) {
		assertErrors(createWith(body), 400, null);
		assertTokensUnchanged();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
	void createWhenContentTypeIsNotJsonThen415AndNoToken(String contentType) {
		Http.Response response = this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.header("Content-Type", contentType)
			.body(contentType.endsWith("urlencoded") ? "name=ok&permissions=REPO_READ" : VALID_BODY)
			.send();
		assertErrors(response, 415, null);
		assertTokensUnchanged();
	}

	@Test
	void requestWhenPathIsUnknownThen404() {
		for (String path : List.of("/rest/api/1.0/no-such-resource", "/rest/access-tokens/2.0/users/" + this.user,
				this.tokens + "/" + this.existingTokenId + "/no-such-action", "/rest/no-such-api/1.0/things",
				"/no-such-page")) {
			assertErrors(this.http.get(path).basicAuth(this.user, passwordOf(this.user)).send(), 404, null);
		}
		assertErrors(this.http.get("/rest/no-such-api").send(), 404, null);
		assertErrors(this.http.get("/no-such-page").send(), 404, null);
	}

	@Test
	void requestWhenMethodIsNotSupportedThen405AndNothingChanges() {
		for (String method : List.of("PATCH", "POST")) {
			Http.Response response = this.http.request(method, this.tokens)
				.basicAuth(this.user, passwordOf(this.user))
				.json(VALID_BODY)
				.send();
			assertErrors(response, 405, null);
			assertThat(response.header("Allow")).contains("GET", "PUT");
		}
		assertErrors(this.http.request("PATCH", "/rest/api/1.0/admin/users?name=" + this.user)
			.basicAuth(ADMIN, ADMIN_PASSWORD)
			.send(), 405, null);
		assertTokensUnchanged();
	}

	@Test
	void createWhenValidBodyExceeds64KiBWithContentLengthThen413AndNoToken() {
		Http.Response response = this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.json(paddedValidBody(MAX_BODY + 1))
			.send();
		assertErrors(response, 413, null);
		assertTokensUnchanged();
	}

	@Test
	void createWhenValidBodyExceeds64KiBChunkedThen413AndNoToken() {
		Http.Response response = this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.json(paddedValidBody(MAX_BODY + 1))
			.chunked()
			.send();
		assertErrors(response, 413, null);
		assertTokensUnchanged();
	}

	@Test
	void createWhenValidBodyIsJustUnder64KiBThenTheTokenIsCreated() {
		Http.Response response = this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.json(paddedValidBody(MAX_BODY - 16))
			.chunked()
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(tokenIds()).hasSize(2).contains(this.existingTokenId);
	}

	@ParameterizedTest
	@CsvSource({ "start=-1, start", "start=abc, start", "start=99999999999, start", "start=1.5, start",
			"limit=0, limit", "limit=-5, limit", "limit=abc, limit", "limit=99999999999, limit" })
	void listWhenAPagingValueIsInvalidThen400WithItAsContext(String query, String context) {
		for (String path : List.of(this.tokens, "/rest/api/1.0/users", "/rest/api/1.0/admin/users")) {
			assertErrors(this.http.get(path + "?" + query).basicAuth(ADMIN, ADMIN_PASSWORD).send(), 400, context);
		}
	}

	@Test
	void listWhenLimitIsOver1000ThenItIsCappedTo1000() {
		for (String path : List.of(this.tokens, "/rest/api/1.0/users", "/rest/api/1.0/admin/permissions/users")) {
			Http.Response response = this.http.get(path + "?limit=5000").basicAuth(ADMIN, ADMIN_PASSWORD).send();
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.json().get("limit").asInt()).isEqualTo(1000);
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"name\":5,\"permissions\":[\"REPO_READ\"]}|name",
			"{\"name\":{\"a\":1},\"permissions\":[\"REPO_READ\"]}|name",
			"{\"name\":true,\"permissions\":[\"REPO_READ\"]}|name",
			"{\"name\":\"t\",\"permissions\":\"REPO_READ\"}|permissions",
			"{\"name\":\"t\",\"permissions\":{\"0\":\"REPO_READ\"}}|permissions",
			"{\"name\":\"t\",\"permissions\":[1]}|permissions[0]",
			"{\"name\":\"t\",\"permissions\":[null]}|permissions",
			"{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":\"90\"}|expiryDays",
			"{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":1.5}|expiryDays",
			"{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":true}|expiryDays",
			"{\"name\":\"t\",\"permissions\":[\"REPO_READ\"],\"expiryDays\":0}|expiryDays" })
	void createWhenAFieldHasAWrongTypeOrValueThen400WithItAsContextAndNoToken(String body, String context) {
		assertErrors(createWith(body), 400, context);
		assertTokensUnchanged();
	}

	@ParameterizedTest
	@ValueSource(strings = { OUT_OF_RANGE_EXPIRY, NESTED_PERMISSION })
	void createWhenValidJsonHasAnOutOfRangeOrNestedValueThen400AndNoToken(String body) {
		Http.Response response = createWith(body);
		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("message").asString()).isNotBlank();
		assertTokensUnchanged();
	}

	@Test
	void createWhenValidJsonHasAnOutOfRangeOrNestedValueThenTheErrorNamesTheFieldAndNotTheSyntax() {
		assertErrors(createWith(OUT_OF_RANGE_EXPIRY), 400, "expiryDays");
		Http.Response nested = createWith(NESTED_PERMISSION);
		assertThat(nested.status()).isEqualTo(400);
		assertThat(nested.json().get("errors").get(0).get("message").asString()).doesNotContain("not valid JSON");
	}

	@Test
	void putWhenBodyIsEmptyThen400AndNothingChanges() {
		assertErrors(createWith(""), 400, null);
		assertErrors(this.http.put(this.tokens).basicAuth(this.user, passwordOf(this.user)).send(), 400, null);
		assertErrors(this.http.put("/rest/api/1.0/users/credentials")
			.basicAuth(this.user, passwordOf(this.user))
			.json("")
			.send(), 400, null);
		assertErrors(this.http.put("/rest/api/1.0/admin/users/credentials").basicAuth(ADMIN, ADMIN_PASSWORD).json("").send(),
				400, null);
		assertTokensUnchanged();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"name\":\"renamed\",\"expiryDays\":5}|expiryDays",
			"{\"name\":\"renamed\",\"permissions\":[\"ADMIN\"]}|permissions",
			"{\"name\":\"renamed\",\"permissions\":[\"REPO_READ\",\"PROJECT_ADMIN\"]}|permissions",
			"{\"name\":\"renamed\",\"permissions\":7}|permissions", "{\"name\":\" \"}|name",
			"{\"name\":\"renamed\"} trailing|" })
	void updateWhenTheRequestIsInvalidThen400AndTheTokenIsUnchanged(String body, String context) {
		String token = this.tokens + "/" + this.existingTokenId;
		JsonNode before = tokenJson(token);
		assertErrors(this.http.post(token).basicAuth(this.user, passwordOf(this.user)).json(body).send(), 400, context);
		assertThat(tokenJson(token)).isEqualTo(before);
	}

	@Test
	void errorWhenTheClientAcceptsOnlyHtmlThenTheBodyIsStillJsonErrors() {
		assertErrors(html(this.http.get(this.tokens + "/000000000000").basicAuth(this.user, passwordOf(this.user))), 404,
				null);
		assertErrors(html(this.http.get(this.tokens + "?limit=0").basicAuth(this.user, passwordOf(this.user))), 400,
				"limit");
		assertErrors(html(this.http.put(this.tokens).basicAuth(this.user, passwordOf(this.user)).json("{\"name\":")), 400,
				null);
		assertErrors(html(this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.json("{\"permissions\":[\"REPO_READ\"]}")), 400, "name");
		assertErrors(html(this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.header("Content-Type", "text/plain")
			.body(VALID_BODY)), 415, null);
		assertErrors(html(this.http.get(this.tokens)), 401, null);
		assertErrors(html(this.http.get("/no-such-page")), 404, null);
		assertErrors(html(this.http.request("PATCH", this.tokens).basicAuth(this.user, passwordOf(this.user))), 405,
				null);
		assertErrors(html(this.http.put(this.tokens)
			.basicAuth(this.user, passwordOf(this.user))
			.json(paddedValidBody(MAX_BODY + 1))), 413, null);
		assertTokensUnchanged();
	}

	private Http.Response createWith(String body) {
		return this.http.put(this.tokens).basicAuth(this.user, passwordOf(this.user)).json(body).send();
	}

	private static Http.Response html(Http.Request request) {
		return request.header("Accept", "text/html").send();
	}

	/** A body that would create a token, padded with insignificant whitespace to {@code size} bytes. */
	private static String paddedValidBody(int size) {
		String head = "{\"name\":\"padded\",";
		String tail = "\"permissions\":[\"REPO_READ\",\"PROJECT_READ\"]}";
		return head + " ".repeat(size - head.length() - tail.length()) + tail;
	}

	private JsonNode tokenJson(String path) {
		Http.Response response = this.http.get(path).basicAuth(this.user, passwordOf(this.user)).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private List<String> tokenIds() {
		return tokenJson(this.tokens).get("values").valueStream().map(token -> token.get("id").asString()).toList();
	}

	private void assertTokensUnchanged() {
		assertThat(tokenIds()).containsExactly(this.existingTokenId);
	}

}
