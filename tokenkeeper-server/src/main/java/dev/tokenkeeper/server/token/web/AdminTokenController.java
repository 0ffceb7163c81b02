package dev.tokenkeeper.server.token.web;

import java.time.Instant;
import java.util.List;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.Moments;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.token.OwnedToken;
import dev.tokenkeeper.server.token.TokenQuery;
import dev.tokenkeeper.server.token.TokenSearchService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** Every token of every owner, for administrators, filtered in the database and paged. */
@Controller
class AdminTokenController implements PageController {

	private static final int PAGE_SIZE = 50;

	private final TokenSearchService search;

	private final Moments moments;

	AdminTokenController(TokenSearchService search, Moments moments) {
		this.search = search;
		this.moments = moments;
	}

	@GetMapping("/admin/tokens")
	String tokens(@AuthenticationPrincipal Caller caller, @ModelAttribute("filter") Filter filter,
			BindingResult binding, Model model) {
		FormErrors errors = FormErrors.of(Filter.class, binding);
		if (filter.expiringDays() != null && filter.expiringDays() < 0) {
			errors.add("expiringDays", "Choose zero or more days.");
		}
		PageRequest page = new PageRequest(Math.max(0, filter.start() == null ? 0 : filter.start()), PAGE_SIZE);
		List<OwnedToken> found = errors.attempt(() -> this.search.search(caller, filter.toQuery(), page))
			.orElse(List.of());
		Instant now = this.moments.now();
		model.addAttribute("rows", found.stream()
			.limit(PAGE_SIZE)
			.map(owned -> new AdminTokenRow(owned.owner().label(), TokenRow.of(owned.token(), now)))
			.toList());
		model.addAttribute("errors", errors);
		model.addAttribute("previousPage", page.start() == 0 ? null : filter.link(Math.max(0, page.start() - PAGE_SIZE)));
		model.addAttribute("nextPage", found.size() > PAGE_SIZE ? filter.link(page.start() + PAGE_SIZE) : null);
		return "token/admin-tokens";
	}

	/** A token with the name of its owner: "user jane", "project PRJ", "repository PRJ/app". */
	public record AdminTokenRow(String owner, TokenRow token) {
	}

	/**
	 * The filters of the page.
	 *
	 * @param status {@code expiring} (within {@code expiringDays}), {@code expired}, {@code unused}, or anything else for all
	 */
	record Filter(String q, String user, String status, Integer expiringDays, Integer start) {

		static final int DEFAULT_EXPIRING_DAYS = 7;

		TokenQuery toQuery() {
			Integer within = "expiring".equals(this.status)
					? (this.expiringDays == null ? DEFAULT_EXPIRING_DAYS : this.expiringDays) : null;
			return new TokenQuery(this.q, this.user, within, "expired".equals(this.status), "unused".equals(this.status),
					TokenQuery.Sort.EXPIRY, false);
		}

		String link(int start) {
			return UriComponentsBuilder.fromPath("/admin/tokens")
				.queryParam("q", this.q == null ? "" : this.q)
				.queryParam("user", this.user == null ? "" : this.user)
				.queryParam("status", this.status == null ? "" : this.status)
				.queryParam("expiringDays", this.expiringDays == null ? "" : this.expiringDays)
				.queryParam("start", start)
				.build()
				.encode()
				.toUriString();
		}

	}

}
