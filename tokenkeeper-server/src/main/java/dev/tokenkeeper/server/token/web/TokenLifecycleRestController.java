package dev.tokenkeeper.server.token.web;

import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.security.TokenHeaders;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import dev.tokenkeeper.server.token.TokenAuthenticator.AuthenticatedToken;
import dev.tokenkeeper.server.token.TokenLifecycleService;
import dev.tokenkeeper.server.token.TokenWithSecret;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tokenkeeper's extensions of the token lifecycle: renew (same secret, new expiry), rotate (new
 * secret with an overlap window), and the calling token's own view of itself.
 */
@RestController
@TokenkeeperExtension
@RequestMapping({ "/rest/access-tokens/1.0", "/rest/access-tokens/latest" })
class TokenLifecycleRestController {

	private static final RotateRequest NO_ROTATE_OPTIONS = new RotateRequest(null, null);

	private final TokenLifecycleService tokens;

	private final AccessTokenViews views;

	TokenLifecycleRestController(TokenLifecycleService tokens, AccessTokenViews views) {
		this.tokens = tokens;
		this.views = views;
	}

	@PostMapping({ AccessTokenRestController.USER + "/{tokenId}/renew",
			AccessTokenRestController.PROJECT + "/{tokenId}/renew",
			AccessTokenRestController.REPOSITORY + "/{tokenId}/renew" })
	RestAccessToken renew(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String userSlug,
			@PathVariable(required = false) String projectKey, @PathVariable(required = false) String repositorySlug,
			@PathVariable String tokenId, @RequestBody(required = false) RenewRequest body) {
		Integer expiryDays = body == null ? null : body.expiryDays();
		return this.views.toRest(this.tokens.renew(caller, this.views.scope(userSlug, projectKey, repositorySlug),
				tokenId, expiryDays));
	}

	@PostMapping({ AccessTokenRestController.USER + "/{tokenId}/rotate",
			AccessTokenRestController.PROJECT + "/{tokenId}/rotate",
			AccessTokenRestController.REPOSITORY + "/{tokenId}/rotate" })
	ResponseEntity<RestAccessToken> rotate(@AuthenticationPrincipal Caller caller,
			@PathVariable(required = false) String userSlug, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId,
			@RequestBody(required = false) RotateRequest body) {
		RotateRequest options = body == null ? NO_ROTATE_OPTIONS : body;
		return secret(this.views.rotated(this.tokens.rotate(caller,
				this.views.scope(userSlug, projectKey, repositorySlug), tokenId, options.expiryDays(),
				options.gracePeriodMinutes())));
	}

	/** Served from the request's own verification: no lookup, no transaction on this hot path. */
	@GetMapping("/self")
	RestAccessToken self(AuthenticatedToken verified) {
		return this.views.toRest(verified.asUsed(), verified.user());
	}

	/**
	 * After this call the caller's secret is the previous one: the expiration header says when
	 * it stops (the end of the overlap window, or the new expiry if sooner); without an overlap
	 * window it has stopped already and the header is left out.
	 */
	@PostMapping("/self/rotate")
	ResponseEntity<RestAccessToken> rotateSelf(@AuthenticationPrincipal Caller caller,
			@RequestBody(required = false) RotateRequest body, HttpServletResponse response) {
		RotateRequest options = body == null ? NO_ROTATE_OPTIONS : body;
		TokenWithSecret rotated = this.tokens.rotateSelf(caller, options.expiryDays(), options.gracePeriodMinutes());
		Instant previousUntil = rotated.token().secrets().previousValidUntil();
		Instant expiry = rotated.token().expiryDate();
		TokenHeaders.announceExpiration(response, (previousUntil == null || expiry == null
				|| previousUntil.isBefore(expiry)) ? previousUntil : expiry);
		return secret(this.views.rotated(rotated));
	}

	private static ResponseEntity<RestAccessToken> secret(RestAccessToken body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	record RenewRequest(Integer expiryDays) {
	}

	record RotateRequest(Integer expiryDays, Integer gracePeriodMinutes) {
	}

}
