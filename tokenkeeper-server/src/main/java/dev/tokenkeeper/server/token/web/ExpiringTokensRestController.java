package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import dev.tokenkeeper.server.token.ExpiringTokens;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Upcoming expiries: the caller's own tokens, or everyone's for an administrator. */
@RestController
@TokenkeeperExtension
class ExpiringTokensRestController {

	private final ExpiringTokens expiring;

	private final AccessTokenViews views;

	ExpiringTokensRestController(ExpiringTokens expiring, AccessTokenViews views) {
		this.expiring = expiring;
		this.views = views;
	}

	@GetMapping("/rest/tokenkeeper/1.0/tokens/expiring")
	RestPage<RestAccessToken> expiring(@AuthenticationPrincipal Caller caller,
			@RequestParam(defaultValue = "14") String withinDays, PageRequest page) {
		int days;
		try {
			days = Integer.parseInt(withinDays);
		}
		catch (NumberFormatException ex) {
			throw new ArgumentValidationException("withinDays",
					"withinDays must be a whole number of days.");
		}
		return this.views.toRest(page, this.expiring.forCaller(caller, days, page));
	}

}
