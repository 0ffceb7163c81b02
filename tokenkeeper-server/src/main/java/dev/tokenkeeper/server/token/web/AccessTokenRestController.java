package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.token.AccessTokenService;
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

	private final AccessTokenViews views;

	AccessTokenRestController(AccessTokenService tokens, AccessTokenViews views) {
		this.tokens = tokens;
		this.views = views;
	}

	@GetMapping
	RestPage<RestAccessToken> list(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			PageRequest page) {
		return RestPage.of(page, this.tokens.list(caller, this.views.userScope(userSlug), page), this.views::toRest);
	}

	@PutMapping
	ResponseEntity<RestAccessToken> create(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@RequestBody RestAccessTokenRequest body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.views.created(this.tokens.create(caller, this.views.userScope(userSlug), body.name(),
					body.permissions(), body.expiryDays())));
	}

	@GetMapping("/{tokenId}")
	RestAccessToken get(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@PathVariable String tokenId) {
		return this.views.toRest(this.tokens.get(caller, this.views.userScope(userSlug), tokenId));
	}

	@PostMapping("/{tokenId}")
	RestAccessToken update(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@PathVariable String tokenId, @RequestBody RestAccessTokenRequest body) {
		return this.views.toRest(this.tokens.update(caller, this.views.userScope(userSlug), tokenId, body.name(),
				body.permissions(), body.expiryDays()));
	}

	@DeleteMapping("/{tokenId}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable String userSlug,
			@PathVariable String tokenId) {
		this.tokens.delete(caller, this.views.userScope(userSlug), tokenId);
		return ResponseEntity.noContent().build();
	}

}
