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

/**
 * Bitbucket's access token API for user, project and repository tokens, served under both
 * {@code 1.0} and {@code latest}. One set of handlers serves the three owner paths; they differ
 * only in the {@link dev.tokenkeeper.server.token.OwnerScope} the path resolves to.
 */
@RestController
@RequestMapping({ "/rest/access-tokens/1.0", "/rest/access-tokens/latest" })
class AccessTokenRestController {

	static final String USER = "/users/{userSlug}";

	static final String PROJECT = "/projects/{projectKey}";

	static final String REPOSITORY = "/projects/{projectKey}/repos/{repositorySlug}";

	private final AccessTokenService tokens;

	private final AccessTokenViews views;

	AccessTokenRestController(AccessTokenService tokens, AccessTokenViews views) {
		this.tokens = tokens;
		this.views = views;
	}

	@GetMapping({ USER, PROJECT, REPOSITORY })
	RestPage<RestAccessToken> list(@AuthenticationPrincipal Caller caller,
			@PathVariable(required = false) String userSlug, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, PageRequest page) {
		return this.views.toRest(page,
				this.tokens.list(caller, this.views.scope(userSlug, projectKey, repositorySlug), page));
	}

	@PutMapping({ USER, PROJECT, REPOSITORY })
	ResponseEntity<RestAccessToken> create(@AuthenticationPrincipal Caller caller,
			@PathVariable(required = false) String userSlug, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @RequestBody RestAccessTokenRequest body) {
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.body(this.views.created(this.tokens.create(caller, this.views.scope(userSlug, projectKey, repositorySlug),
					body.name(), body.permissions(), body.expiryDays())));
	}

	@GetMapping({ USER + "/{tokenId}", PROJECT + "/{tokenId}", REPOSITORY + "/{tokenId}" })
	RestAccessToken get(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String userSlug,
			@PathVariable(required = false) String projectKey, @PathVariable(required = false) String repositorySlug,
			@PathVariable String tokenId) {
		return this.views
			.toRest(this.tokens.get(caller, this.views.scope(userSlug, projectKey, repositorySlug), tokenId));
	}

	@PostMapping({ USER + "/{tokenId}", PROJECT + "/{tokenId}", REPOSITORY + "/{tokenId}" })
	RestAccessToken update(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String userSlug,
			@PathVariable(required = false) String projectKey, @PathVariable(required = false) String repositorySlug,
			@PathVariable String tokenId, @RequestBody RestAccessTokenRequest body) {
		return this.views.toRest(this.tokens.update(caller, this.views.scope(userSlug, projectKey, repositorySlug),
				tokenId, body.name(), body.permissions(), body.expiryDays()));
	}

	@DeleteMapping({ USER + "/{tokenId}", PROJECT + "/{tokenId}", REPOSITORY + "/{tokenId}" })
	ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller,
			@PathVariable(required = false) String userSlug, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId) {
		this.tokens.delete(caller, this.views.scope(userSlug, projectKey, repositorySlug), tokenId);
		return ResponseEntity.noContent().build();
	}

}
