package dev.tokenkeeper.client;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of the wire contract: dates as epoch milliseconds (as real Bitbucket servers
 * send them), absent values left out, unknown fields ignored so that a newer server's additions
 * do not break an older client.
 */
public final class WireJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
		.disable(DateTimeFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DateTimeFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
		.build();

	private WireJson() {
	}

	/**
	 * The mapper this client reads and writes the wire format with. Jackson 3 mappers are
	 * immutable, so it may be shared.
	 * @return the mapper
	 */
	public static JsonMapper mapper() {
		return MAPPER;
	}

	/**
	 * A token object as Bitbucket sends it.
	 * @param token the token
	 * @return its wire form
	 */
	public static JsonNode toJson(AccessToken token) {
		return MAPPER.valueToTree(token);
	}

	/**
	 * A created or rotated token as the server sends it: the token object plus {@code token}
	 * (the raw secret) and, after a rotation with an overlap window, {@code previousSecretValidUntil}.
	 * @param issued the token and its secret
	 * @return its wire form, which contains the secret
	 */
	public static JsonNode toJson(IssuedToken issued) {
		ObjectNode node = MAPPER.valueToTree(issued.token());
		node.put("token", issued.secret().reveal());
		if (issued.previousSecretValidUntil() != null) {
			node.put("previousSecretValidUntil", issued.previousSecretValidUntil().toEpochMilli());
		}
		return node;
	}

	/** Reads a created or rotated token: the token object and its {@code token} field. */
	static IssuedToken readIssued(JsonNode node) {
		AccessToken token = MAPPER.treeToValue(node, AccessToken.class);
		JsonNode secret = node.get("token");
		if (secret == null || !secret.isString() || secret.asString().isBlank()) {
			throw new UnexpectedResponseException("The server's response has no token secret", null);
		}
		JsonNode until = node.get("previousSecretValidUntil");
		return new IssuedToken(token, Secret.of(secret.asString()),
				(until == null || until.isNull()) ? null : Instant.ofEpochMilli(until.asLong()));
	}

}
