package dev.tokenkeeper.server.token.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import tools.jackson.databind.JsonNode;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import dev.tokenkeeper.server.token.TokenPolicy;
import dev.tokenkeeper.server.token.TokenPolicyService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token policy, for administrators. PUT changes the fields it names and keeps the others;
 * {@code "maxExpiryDays": null} removes the limit.
 */
@RestController
@TokenkeeperExtension
@RequestMapping({ "/rest/access-tokens/1.0/admin/settings", "/rest/access-tokens/latest/admin/settings" })
class TokenPolicyRestController {

	private final TokenPolicyService policies;

	TokenPolicyRestController(TokenPolicyService policies) {
		this.policies = policies;
	}

	@GetMapping
	RestTokenPolicy get(@AuthenticationPrincipal Caller caller) {
		return RestTokenPolicy.of(this.policies.get(caller));
	}

	@PutMapping
	RestTokenPolicy update(@AuthenticationPrincipal Caller caller, @RequestBody JsonNode body) {
		TokenPolicy current = this.policies.get(caller);
		if (!body.isObject()) {
			throw new ArgumentValidationException("The settings must be a JSON object.");
		}
		TokenPolicy changed = new TokenPolicy(bool(body, "requireExpiry", current.requireExpiry()),
				body.has("maxExpiryDays") ? nullableInt(body, "maxExpiryDays") : current.maxExpiryDays(),
				integer(body, "maxTokensPerOwner", current.maxTokensPerOwner()),
				integer(body, "renewExpiredWithinDays", current.renewExpiredWithinDays()),
				bool(body, "selfRotation", current.selfRotation()),
				integer(body, "maxRotationGraceMinutes", current.maxRotationGraceMinutes()));
		return RestTokenPolicy.of(this.policies.update(caller, changed));
	}

	@JsonPropertyOrder({ "requireExpiry", "maxExpiryDays", "maxTokensPerOwner", "renewExpiredWithinDays",
			"selfRotation", "maxRotationGraceMinutes" })
	record RestTokenPolicy(boolean requireExpiry, Integer maxExpiryDays, int maxTokensPerOwner,
			int renewExpiredWithinDays, boolean selfRotation, int maxRotationGraceMinutes) {

		static RestTokenPolicy of(TokenPolicy policy) {
			return new RestTokenPolicy(policy.requireExpiry(), policy.maxExpiryDays(), policy.maxTokensPerOwner(),
					policy.renewExpiredWithinDays(), policy.selfRotation(), policy.maxRotationGraceMinutes());
		}

	}

	private static boolean bool(JsonNode body, String field, boolean current) {
		if (!body.has(field)) {
			return current;
		}
		if (!body.get(field).isBoolean()) {
			throw new ArgumentValidationException(field, field + " must be true or false.");
		}
		return body.get(field).booleanValue();
	}

	private static int integer(JsonNode body, String field, int current) {
		if (!body.has(field)) {
			return current;
		}
		Integer value = nullableInt(body, field);
		if (value == null) {
			throw new ArgumentValidationException(field, field + " must be a whole number.");
		}
		return value;
	}

	private static Integer nullableInt(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value.isNull()) {
			return null;
		}
		if (!value.isInt()) {
			throw new ArgumentValidationException(field, field + " must be a whole number.");
		}
		return value.intValue();
	}

}
