package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.AccessTokenService;
import dev.tokenkeeper.server.token.AccessTokenService.CreatedToken;
import dev.tokenkeeper.server.token.OwnerScope;
import dev.tokenkeeper.server.token.UserOwnerScope;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import dev.tokenkeeper.server.user.web.RestApplicationUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bitbucket's personal access token API, served under both {@code 1.0} and {@code latest}. */
@RestController
@RequestMapping("/rest/access-tokens/{apiVersion:1\\.0|latest}/users/{userSlug}")
class AccessTokenRestController {

	private final AccessTokenService tokens;

	private final UserService users;

	private final String baseUrl;

	AccessTokenRestController(AccessTokenService tokens, UserService users, TokenkeeperProperties properties) {
		this.tokens = tokens;
		this.users = users;
		this.baseUrl = properties.baseUrlPrefix();
	}

	@GetMapping
	RestPage<RestAccessToken> list(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			PageRequest page) {
		return RestPage.of(page, this.tokens.list(caller, scope(userSlug), page), this::toRest);
	}

	@PutMapping
	ResponseEntity<RestAccessToken> create(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@RequestBody RestAccessTokenRequest body) {
		CreatedToken created = this.tokens.create(caller, scope(userSlug), body.name(), body.permissions(),
				body.expiryDays());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(RestAccessToken.withSecret(created.token(), restUser(created.token()), created.rawToken()));
	}

	@GetMapping("/{tokenId}")
	RestAccessToken get(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@PathVariable String tokenId) {
		return toRest(this.tokens.get(caller, scope(userSlug), tokenId));
	}

	@PostMapping("/{tokenId}")
	RestAccessToken update(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@PathVariable String tokenId, @RequestBody RestAccessTokenRequest body) {
		return toRest(this.tokens.update(caller, scope(userSlug), tokenId, body.name(), body.permissions(),
				body.expiryDays()));
	}

	@DeleteMapping("/{tokenId}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@PathVariable String tokenId) {
		this.tokens.delete(caller, scope(userSlug), tokenId);
		return ResponseEntity.noContent().build();
	}

	private OwnerScope scope(String userSlug) {
		return new UserOwnerScope(this.users.getBySlug(userSlug));
	}

	private RestAccessToken toRest(AccessToken token) {
		return RestAccessToken.of(token, restUser(token));
	}

	private RestApplicationUser restUser(AccessToken token) {
		User user = this.users.findById(token.userId()).orElseThrow();
		return RestApplicationUser.of(user, this.baseUrl);
	}

}
