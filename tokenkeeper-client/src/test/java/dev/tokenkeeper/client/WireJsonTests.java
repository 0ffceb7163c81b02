package dev.tokenkeeper.client;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON mapping, against the example payloads of the wire contract and of Atlassian's KB article. */
class WireJsonTests {

	/** The list response of Atlassian's KB article "How to renew personal access tokens via REST APIs", verbatim. */
	static final String KB_LIST = """
			{"size":2,"limit":25,"isLastPage":true,"values":[{"id":"075905477751","createdDate":1610525968583,\
			"name":"access token name","permissions":["REPO_ADMIN","PROJECT_READ"],"user":{"name":"john.doe",\
			"emailAddress":"test@email.com","id":52,"displayName":"John Doe","active":true,"slug":"john.doe",\
			"type":"NORMAL","links":{"self":[{"href":"http://localhost:7994/users/john.doe"}]}}},\
			{"id":"343808353895","createdDate":1610521501107,"name":"token","permissions":["REPO_READ","PROJECT_READ"],\
			"user":{"name":"john.doe","emailAddress":"test@email.com","id":52,"displayName":"John Doe","active":true,\
			"slug":"john.doe","type":"NORMAL","links":{"self":[{"href":"http://localhost:7994/users/john.doe"}]}}}],"start":0}""";

	/** The token object of the wire contract, every field present. */
	static final String CONTRACT_TOKEN = """
			{"id":"075905477751","createdDate":1610525968583,"lastAuthenticated":1610526000000,"expiryDays":90,\
			"expiryDate":1618301968583,"name":"access token name","permissions":["REPO_ADMIN","PROJECT_READ"],\
			"user":{"name":"john.doe","emailAddress":"test@email.com","id":52,"displayName":"John Doe","active":true,\
			"slug":"john.doe","type":"NORMAL","links":{"self":[{"href":"http://localhost:7990/users/john.doe"}]}}}""";

	private static final TypeReference<Page<AccessToken>> TOKEN_PAGE = new TypeReference<>() {
	};

	@Test
	void readWhenKbListPayloadThenEveryFieldIsMapped() {
		Page<AccessToken> page = WireJson.mapper().readValue(KB_LIST, TOKEN_PAGE);

		assertThat(page.size()).isEqualTo(2);
		assertThat(page.limit()).isEqualTo(25);
		assertThat(page.isLastPage()).isTrue();
		assertThat(page.start()).isZero();
		assertThat(page.nextPageStart()).isNull();
		AccessToken first = page.values().get(0);
		assertThat(first.id()).isEqualTo("075905477751");
		assertThat(first.createdDate()).isEqualTo(Instant.ofEpochMilli(1610525968583L));
		assertThat(first.lastAuthenticated()).isNull();
		assertThat(first.expiryDays()).isNull();
		assertThat(first.expiryDate()).isNull();
		assertThat(first.name()).isEqualTo("access token name");
		assertThat(first.permissions()).containsExactly("REPO_ADMIN", "PROJECT_READ");
		assertThat(first.repositoryPermission()).hasValue("REPO_ADMIN");
		assertThat(first.projectPermission()).hasValue("PROJECT_READ");
		ApplicationUser user = first.user();
		assertThat(user).isEqualTo(new ApplicationUser("john.doe", "test@email.com", 52L, "John Doe", true, "john.doe",
				"NORMAL", java.util.Map.of("self", List.of(new ApplicationUser.Link("http://localhost:7994/users/john.doe")))));
		assertThat(user.selfHref()).isEqualTo("http://localhost:7994/users/john.doe");
		assertThat(page.values().get(1).id()).isEqualTo("343808353895");
	}

	@Test
	void readWhenContractTokenObjectThenDatesAreEpochMillisAndExpiryIsKept() {
		AccessToken token = WireJson.mapper().readValue(CONTRACT_TOKEN, AccessToken.class);

		assertThat(token.lastAuthenticated()).isEqualTo(Instant.ofEpochMilli(1610526000000L));
		assertThat(token.expiryDays()).isEqualTo(90);
		assertThat(token.expiryDate()).isEqualTo(Instant.ofEpochMilli(1618301968583L));
		assertThat(token.isExpiredAt(Instant.ofEpochMilli(1618301968582L))).isFalse();
		assertThat(token.isExpiredAt(Instant.ofEpochMilli(1618301968583L))).isTrue();
	}

	@Test
	void writeWhenTokenReadFromContractThenTheSameJsonComesBack() {
		AccessToken token = WireJson.mapper().readValue(CONTRACT_TOKEN, AccessToken.class);

		assertThat(WireJson.toJson(token).toString()).isEqualTo(CONTRACT_TOKEN);
	}

	@Test
	void writeWhenOptionalFieldsAbsentThenTheyAreLeftOut() {
		Page<AccessToken> page = WireJson.mapper().readValue(KB_LIST, TOKEN_PAGE);

		JsonNode json = WireJson.toJson(page.values().get(0));

		assertThat(json.has("lastAuthenticated")).isFalse();
		assertThat(json.has("expiryDays")).isFalse();
		assertThat(json.has("expiryDate")).isFalse();
		assertThat(json.get("createdDate").isIntegralNumber()).isTrue();
		assertThat(json.get("id").isString()).isTrue();
	}

	@Test
	void readWhenCreateResponseThenSecretIsKeptButNeverShownByToString() {
		String created = CONTRACT_TOKEN.substring(0, CONTRACT_TOKEN.length() - 1)
				+ ",\"token\":\"BBDC-MDc1OTA1NDc3NzUxOqKsxRHlc9v0r6fQwkQk6cZ4wQAb\"}";

		IssuedToken issued = WireJson.readIssued(WireJson.mapper().readTree(created));

		assertThat(issued.token().id()).isEqualTo("075905477751");
		assertThat(issued.secret().reveal()).isEqualTo("BBDC-MDc1OTA1NDc3NzUxOqKsxRHlc9v0r6fQwkQk6cZ4wQAb");
		assertThat(issued.previousSecretValidUntil()).isNull();
		assertThat(issued.toString()).doesNotContain("BBDC-");
		assertThat(issued.secret().toString()).doesNotContain("BBDC-");
		assertThat(WireJson.toJson(issued).toString()).isEqualTo(created);
	}

	@Test
	void readWhenRotateResponseThenPreviousSecretDeadlineIsMapped() {
		String rotated = CONTRACT_TOKEN.substring(0, CONTRACT_TOKEN.length() - 1)
				+ ",\"token\":\"BBDC-new\",\"previousSecretValidUntil\":1610526600000}";

		IssuedToken issued = WireJson.readIssued(WireJson.mapper().readTree(rotated));

		assertThat(issued.previousSecretValidUntil()).isEqualTo(Instant.ofEpochMilli(1610526600000L));
	}

	@Test
	void readWhenCreateResponseHasNoSecretThenUnexpectedResponse() {
		assertThatThrownBy(() -> WireJson.readIssued(WireJson.mapper().readTree(CONTRACT_TOKEN)))
			.isInstanceOf(UnexpectedResponseException.class);
	}

	@Test
	void readWhenServerAddsUnknownFieldsThenTheyAreIgnored() {
		String newer = CONTRACT_TOKEN.substring(0, CONTRACT_TOKEN.length() - 1) + ",\"scopes\":[\"x\"]}";

		assertThat(WireJson.mapper().readValue(newer, AccessToken.class).id()).isEqualTo("075905477751");
	}

	@Test
	void writeWhenCreateRequestThenContractBody() {
		CreateTokenRequest request = new CreateTokenRequest("access token name", List.of("REPO_ADMIN", "PROJECT_READ"),
				90);

		assertThat(WireJson.mapper().writeValueAsString(request)).isEqualTo(
				"{\"name\":\"access token name\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_READ\"],\"expiryDays\":90}");
		assertThat(WireJson.mapper().writeValueAsString(request.withExpiryDays(null)))
			.isEqualTo("{\"name\":\"access token name\",\"permissions\":[\"REPO_ADMIN\",\"PROJECT_READ\"]}");
	}

	@Test
	void writeWhenUpdateRequestNamesOneFieldThenOnlyThatFieldIsSent() {
		assertThat(WireJson.mapper().writeValueAsString(new UpdateTokenRequest("renamed", null)))
			.isEqualTo("{\"name\":\"renamed\"}");
		assertThat(WireJson.mapper().writeValueAsString(new UpdateTokenRequest(null, List.of("REPO_WRITE", "PROJECT_READ"))))
			.isEqualTo("{\"permissions\":[\"REPO_WRITE\",\"PROJECT_READ\"]}");
	}

	@Test
	void likeWhenTokenHasExpiryThenRequestCopiesNamePermissionsAndOriginalExpiryDays() {
		AccessToken token = WireJson.mapper().readValue(CONTRACT_TOKEN, AccessToken.class);

		assertThat(CreateTokenRequest.like(token))
			.isEqualTo(new CreateTokenRequest("access token name", List.of("REPO_ADMIN", "PROJECT_READ"), 90));
	}

}
