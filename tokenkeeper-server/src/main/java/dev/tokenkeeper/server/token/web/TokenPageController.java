package dev.tokenkeeper.server.token.web;

import java.time.Instant;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.token.AccessTokenService;
import dev.tokenkeeper.server.token.TokenPolicy;
import dev.tokenkeeper.server.token.TokenWithSecret;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The token pages of the web UI: a user's own tokens, a project's and a repository's, each
 * listed with a create form; a new secret is shown once, on the page the create redirects to.
 */
@Controller
class TokenPageController implements PageController {

	static final String MINE = "/tokens";

	static final String PROJECT = "/projects/{projectKey}/tokens";

	static final String REPOSITORY = "/projects/{projectKey}/repos/{repositorySlug}/tokens";

	private final TokenPages pages;

	private final AccessTokenService tokens;

	TokenPageController(TokenPages pages, AccessTokenService tokens) {
		this.pages = pages;
		this.tokens = tokens;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/tokens";
	}

	@GetMapping({ MINE, PROJECT, REPOSITORY })
	String list(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, TokenPages.ListParams params, Model model) {
		TokenPolicy policy = this.pages.policy();
		this.pages.list(model, caller, this.pages.owner(caller, projectKey, repositorySlug), params,
				TokenForms.NewToken.blank(policy), FormErrors.none(TokenForms.NewToken.class));
		return "token/tokens";
	}

	@PostMapping({ MINE, PROJECT, REPOSITORY })
	String create(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @ModelAttribute("form") TokenForms.NewToken form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		FormErrors errors = form.check(FormErrors.of(TokenForms.NewToken.class, binding), this.pages.policy());
		return errors.attempt(() -> this.tokens.create(caller, owner.scope(), form.name().strip(), form.permissions(),
				form.expiryDays()))
			.map(created -> showSecret(owner, created, redirect))
			.orElseGet(() -> {
				this.pages.list(model, caller, owner, new TokenPages.ListParams(null, null, null, null), form, errors);
				return "token/tokens";
			});
	}

	/** Shows a new secret, handed over from the create or rotate that made it; reloading shows it no more. */
	@GetMapping({ MINE + "/{tokenId}/secret", PROJECT + "/{tokenId}/secret", REPOSITORY + "/{tokenId}/secret" })
	String secret(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId, Model model) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		model.addAttribute("owner", owner);
		model.addAttribute("token", TokenRow.of(this.pages.token(caller, owner, tokenId), this.pages.now()));
		Object secret = model.getAttribute("secret");
		if (!(secret instanceof NewSecret shown) || !shown.tokenId().equals(tokenId)) {
			model.addAttribute("secret", null);
		}
		return "token/secret";
	}

	static String showSecret(TokenOwnerPage owner, TokenWithSecret created, RedirectAttributes redirect) {
		redirect.addFlashAttribute("secret", new NewSecret(created.token().id(), created.rawToken(),
				created.token().secrets().previousValidUntil()));
		return "redirect:" + owner.tokenPath(created.token().id(), "secret");
	}

}
