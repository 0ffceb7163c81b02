package dev.tokenkeeper.server.token.web;

import java.util.List;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.project.ProjectService;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.NoSuchAccessTokenException;
import dev.tokenkeeper.server.token.OwnerScope;
import dev.tokenkeeper.server.token.ResourceOwnerScope;
import dev.tokenkeeper.server.token.TokenWithSecret;
import dev.tokenkeeper.server.token.UserOwnerScope;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import dev.tokenkeeper.server.user.UsersById;
import dev.tokenkeeper.server.user.web.RestApplicationUser;
import org.springframework.stereotype.Component;

/** Resolves the owners named in token paths and turns tokens into their wire form. */
@Component
class AccessTokenViews {

	private final UserService users;

	private final UsersById usersById;

	private final ProjectService projects;

	private final PermissionService permissions;

	private final String baseUrl;

	AccessTokenViews(UserService users, UsersById usersById, ProjectService projects, PermissionService permissions,
			TokenkeeperProperties properties) {
		this.users = users;
		this.usersById = usersById;
		this.projects = projects;
		this.permissions = permissions;
		this.baseUrl = properties.baseUrlPrefix();
	}

	/**
	 * The owner named by a token path: {@code /users/{userSlug}}, {@code /projects/{projectKey}} or
	 * {@code /projects/{projectKey}/repos/{repositorySlug}}.
	 */
	OwnerScope scope(String userSlug, String projectKey, String repositorySlug) {
		if (userSlug != null) {
			return new UserOwnerScope(this.users.getBySlug(userSlug));
		}
		if (repositorySlug != null) {
			return ResourceOwnerScope.of(this.projects.findRepo(projectKey, repositorySlug), this.permissions);
		}
		return ResourceOwnerScope.of(this.projects.find(projectKey), this.permissions);
	}

	RestAccessToken toRest(AccessToken token) {
		return RestAccessToken.of(token, restUser(token));
	}

	/** A page of tokens; one whose user has gone since the page was read (see {@link #restUser}) is left out. */
	RestPage<RestAccessToken> toRest(PageRequest page, List<AccessToken> fetched) {
		return RestPage.ofPresent(page, fetched,
				token -> this.usersById.find(token.userId()).map(user -> RestAccessToken.of(token, restUser(user))));
	}

	/** A token whose user is known already. */
	RestAccessToken toRest(AccessToken token, User user) {
		return RestAccessToken.of(token, restUser(user));
	}

	/** A newly created token: Bitbucket's object plus the raw secret. */
	RestAccessToken created(TokenWithSecret created) {
		return RestAccessToken.withSecret(created.token(), restUser(created.token()), created.rawToken(), null);
	}

	/** A rotated token: also the deadline of the previous secret, if it has an overlap window. */
	RestAccessToken rotated(TokenWithSecret rotated) {
		AccessToken token = rotated.token();
		return RestAccessToken.withSecret(token, restUser(token), rotated.rawToken(),
				token.secrets().previousValidUntil());
	}

	/**
	 * The token's user, read after the request's transaction: a token whose user is gone by then
	 * went with its owner, deleted by a concurrent request, and is answered as not found.
	 */
	private RestApplicationUser restUser(AccessToken token) {
		return restUser(this.usersById.find(token.userId())
			.orElseThrow(() -> new NoSuchAccessTokenException(token.id())));
	}

	private RestApplicationUser restUser(User user) {
		return RestApplicationUser.of(user, this.baseUrl);
	}

}
