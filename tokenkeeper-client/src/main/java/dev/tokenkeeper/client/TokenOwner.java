package dev.tokenkeeper.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Whose tokens an operation addresses: a user, a project or a repository. Each owner has its
 * own path under {@code /rest/access-tokens/latest}; the operations and the token object are
 * the same for all three.
 */
public sealed interface TokenOwner {

	/**
	 * A user's personal tokens.
	 * @param userSlug the user's slug (usually the user name)
	 * @return the owner
	 */
	static TokenOwner user(String userSlug) {
		return new User(userSlug);
	}

	/**
	 * A project's tokens (they authenticate with Bearer only).
	 * @param projectKey the project key
	 * @return the owner
	 */
	static TokenOwner project(String projectKey) {
		return new Project(projectKey);
	}

	/**
	 * A repository's tokens (they authenticate with Bearer only).
	 * @param projectKey the key of the repository's project
	 * @param repositorySlug the repository's slug
	 * @return the owner
	 */
	static TokenOwner repository(String projectKey, String repositorySlug) {
		return new Repository(projectKey, repositorySlug);
	}

	/**
	 * The owner's path below the API's base, with each name URL-encoded, e.g. {@code users/john.doe}.
	 * @return the path, without leading or trailing slash
	 */
	String path();

	/**
	 * A short human description, e.g. {@code user john.doe} or {@code repository PRJ/web}.
	 * @return the description
	 */
	String describe();

	/**
	 * A user's personal tokens.
	 * @param userSlug the user's slug
	 */
	record User(String userSlug) implements TokenOwner {

		/** Requires non-blank names. */
		public User {
			requireName(userSlug, "userSlug");
		}

		@Override
		public String path() {
			return "users/" + segment(this.userSlug);
		}

		@Override
		public String describe() {
			return "user " + this.userSlug;
		}

	}

	/**
	 * A project's tokens.
	 * @param projectKey the project key
	 */
	record Project(String projectKey) implements TokenOwner {

		/** Requires non-blank names. */
		public Project {
			requireName(projectKey, "projectKey");
		}

		@Override
		public String path() {
			return "projects/" + segment(this.projectKey);
		}

		@Override
		public String describe() {
			return "project " + this.projectKey;
		}

	}

	/**
	 * A repository's tokens.
	 * @param projectKey the key of the repository's project
	 * @param repositorySlug the repository's slug
	 */
	record Repository(String projectKey, String repositorySlug) implements TokenOwner {

		/** Requires non-blank names. */
		public Repository {
			requireName(projectKey, "projectKey");
			requireName(repositorySlug, "repositorySlug");
		}

		@Override
		public String path() {
			return "projects/" + segment(this.projectKey) + "/repos/" + segment(this.repositorySlug);
		}

		@Override
		public String describe() {
			return "repository " + this.projectKey + "/" + this.repositorySlug;
		}

	}

	private static void requireName(String value, String name) {
		Objects.requireNonNull(value, name);
		if (value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
	}

	/** One URL path segment: '/' and everything else outside the unreserved set is escaped. */
	private static String segment(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
