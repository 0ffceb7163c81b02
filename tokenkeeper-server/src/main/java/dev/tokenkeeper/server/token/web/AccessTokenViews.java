package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.OwnerScope;
import dev.tokenkeeper.server.token.TokenWithSecret;
import dev.tokenkeeper.server.token.UserOwnerScope;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import dev.tokenkeeper.server.user.web.RestApplicationUser;
import org.springframework.stereotype.Component;

/** Resolves the owners named in token paths and turns tokens into their wire form. */
@Component
class AccessTokenViews {

	private final UserService users;

	private final String baseUrl;

	AccessTokenViews(UserService users, TokenkeeperProperties properties) {
		this.users = users;
		this.baseUrl = properties.baseUrlPrefix();
	}

	OwnerScope userScope(String userSlug) {
		return new UserOwnerScope(this.users.getBySlug(userSlug));
	}

	RestAccessToken toRest(AccessToken token) {
		return RestAccessToken.of(token, restUser(token));
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

	private RestApplicationUser restUser(AccessToken token) {
		User user = this.users.findById(token.userId()).orElseThrow();
		return RestApplicationUser.of(user, this.baseUrl);
	}

}
