package dev.tokenkeeper.server.token.web;

import java.time.Duration;
import java.util.List;

import dev.tokenkeeper.server.permission.ResourcePermission;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.Moments;
import dev.tokenkeeper.server.token.TokenPolicy;

/** The web UI's token forms, with their checks in words a person understands (the services check again). */
final class TokenForms {

	static final int MAX_NAME_LENGTH = 255;

	/** Lifetimes offered for a new or renewed token when the policy allows them. */
	static final int DEFAULT_EXPIRY_DAYS = 90;

	private TokenForms() {
	}

	record NewToken(String name, String projectPermission, String repositoryPermission, Integer expiryDays) {

		static NewToken blank(TokenPolicy policy) {
			return new NewToken("", ResourcePermission.PROJECT_READ.name(), ResourcePermission.REPO_READ.name(),
					defaultExpiryDays(policy, null));
		}

		FormErrors check(FormErrors errors, TokenPolicy policy) {
			if (this.name == null || this.name.isBlank()) {
				errors.add("name", "Give the token a name, so that you can tell it apart later.");
			}
			else if (this.name.length() > MAX_NAME_LENGTH) {
				errors.add("name", "Use at most " + MAX_NAME_LENGTH + " characters for the name.");
			}
			ResourcePermission project = parse(this.projectPermission, ResourcePermission.Scope.PROJECT);
			ResourcePermission repository = parse(this.repositoryPermission, ResourcePermission.Scope.REPOSITORY);
			if (project == null) {
				errors.add("projectPermission", "Choose what the token may do with projects.");
			}
			if (repository == null) {
				errors.add("repositoryPermission", "Choose what the token may do with repositories.");
			}
			else if (project != null && repository.level() < project.level()) {
				errors.add("repositoryPermission",
						"The repository permission must be at least as strong as the project permission.");
			}
			checkExpiryDays(errors, "expiryDays", this.expiryDays, policy, true);
			return errors;
		}

		List<String> permissions() {
			return List.of(this.repositoryPermission, this.projectPermission);
		}

	}

	record Renewal(Integer expiryDays) {

		FormErrors check(FormErrors errors, TokenPolicy policy) {
			if (this.expiryDays == null) {
				errors.add("expiryDays", "Choose for how many days the token should work from now.");
			}
			checkExpiryDays(errors, "expiryDays", this.expiryDays, policy, false);
			return errors;
		}

	}

	record Rotation(Integer gracePeriodMinutes) {

		FormErrors check(FormErrors errors, TokenPolicy policy) {
			int minutes = this.gracePeriodMinutes == null ? 0 : this.gracePeriodMinutes;
			if (minutes < 0 || minutes > policy.maxRotationGraceMinutes()) {
				errors.add("gracePeriodMinutes", "The old secret may keep working for at most "
						+ GraceChoice.describe(policy.maxRotationGraceMinutes()) + ".");
			}
			return errors;
		}

	}

	/** An overlap window offered when rotating. */
	record GraceChoice(int minutes, String label) {

		static List<GraceChoice> upTo(int maxMinutes) {
			return List.of(0, 60, 24 * 60, 7 * 24 * 60)
				.stream()
				.filter(minutes -> minutes <= maxMinutes)
				.map(minutes -> new GraceChoice(minutes,
						minutes == 0 ? "None: the old secret stops at once" : describe(minutes)))
				.toList();
		}

		static String describe(int minutes) {
			String amount = Moments.amount(Duration.ofMinutes(minutes));
			return amount == null ? "no time" : amount;
		}

	}

	/** The lifetime a form starts with: the token's own, else 90 days, within the policy's maximum. */
	static Integer defaultExpiryDays(TokenPolicy policy, Integer current) {
		int days = current != null ? current : DEFAULT_EXPIRY_DAYS;
		return policy.maxExpiryDays() == null ? days : Math.min(days, policy.maxExpiryDays());
	}

	private static void checkExpiryDays(FormErrors errors, String field, Integer days, TokenPolicy policy,
			boolean mayBeEmpty) {
		if (errors.has(field)) {
			return;
		}
		if (days == null) {
			if (mayBeEmpty && policy.requireExpiry()) {
				errors.add(field, "Tokens must expire: choose a number of days"
						+ (policy.maxExpiryDays() == null ? "." : " (at most " + policy.maxExpiryDays() + ")."));
			}
			return;
		}
		if (days < 1) {
			errors.add(field, "Choose at least 1 day.");
		}
		else if (policy.maxExpiryDays() != null && days > policy.maxExpiryDays()) {
			errors.add(field, "Tokens may last at most " + policy.maxExpiryDays()
					+ " days (a limit your administrator set).");
		}
	}

	private static ResourcePermission parse(String name, ResourcePermission.Scope scope) {
		for (ResourcePermission permission : ResourcePermission.values()) {
			if (permission.name().equals(name) && permission.scope() == scope) {
				return permission;
			}
		}
		return null;
	}

}
