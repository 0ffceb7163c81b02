package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.Moments;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.AccessTokenService;
import dev.tokenkeeper.server.token.TokenLifecycleService;
import dev.tokenkeeper.server.token.TokenPolicy;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Renew, rotate and revoke one token, each from a page of its own that says what will happen. */
@Controller
class TokenActionController implements PageController {

	private static final String MINE = TokenPageController.MINE + "/{tokenId}";

	private static final String PROJECT = TokenPageController.PROJECT + "/{tokenId}";

	private static final String REPOSITORY = TokenPageController.REPOSITORY + "/{tokenId}";

	private final TokenPages pages;

	private final AccessTokenService tokens;

	private final TokenLifecycleService lifecycle;

	private final Moments moments;

	TokenActionController(TokenPages pages, AccessTokenService tokens, TokenLifecycleService lifecycle,
			Moments moments) {
		this.pages = pages;
		this.tokens = tokens;
		this.lifecycle = lifecycle;
		this.moments = moments;
	}

	@GetMapping({ MINE + "/renew", PROJECT + "/renew", REPOSITORY + "/renew" })
	String renewForm(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId, Model model) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		AccessToken token = this.pages.token(caller, owner, tokenId);
		TokenPolicy policy = this.pages.policy();
		return page(model, owner, token, "token/renew",
				new TokenForms.Renewal(TokenForms.defaultExpiryDays(policy, token.expiryDays())),
				FormErrors.none(TokenForms.Renewal.class));
	}

	@PostMapping({ MINE + "/renew", PROJECT + "/renew", REPOSITORY + "/renew" })
	String renew(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId,
			@ModelAttribute("form") TokenForms.Renewal form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		AccessToken token = this.pages.token(caller, owner, tokenId);
		FormErrors errors = form.check(FormErrors.of(TokenForms.Renewal.class, binding), this.pages.policy());
		return errors.attempt(() -> this.lifecycle.renew(caller, owner.scope(), tokenId, form.expiryDays()))
			.map(renewed -> notice(redirect, owner, "Renewed \u201c" + renewed.name() + "\u201d: it now expires "
					+ this.moments.relative(renewed.expiryDate()) + ", with the same secret."))
			.orElseGet(() -> page(model, owner, token, "token/renew", form, errors));
	}

	@GetMapping({ MINE + "/rotate", PROJECT + "/rotate", REPOSITORY + "/rotate" })
	String rotateForm(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId, Model model) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		return rotatePage(model, owner, this.pages.token(caller, owner, tokenId), new TokenForms.Rotation(0),
				FormErrors.none(TokenForms.Rotation.class));
	}

	@PostMapping({ MINE + "/rotate", PROJECT + "/rotate", REPOSITORY + "/rotate" })
	String rotate(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId,
			@ModelAttribute("form") TokenForms.Rotation form, BindingResult binding, Model model,
			RedirectAttributes redirect) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		AccessToken token = this.pages.token(caller, owner, tokenId);
		FormErrors errors = form.check(FormErrors.of(TokenForms.Rotation.class, binding), this.pages.policy());
		Integer grace = (form.gracePeriodMinutes() == null || form.gracePeriodMinutes() == 0) ? null
				: form.gracePeriodMinutes();
		return errors.attempt(() -> this.lifecycle.rotate(caller, owner.scope(), tokenId, null, grace))
			.map(rotated -> TokenPageController.showSecret(owner, rotated, redirect))
			.orElseGet(() -> rotatePage(model, owner, token, form, errors));
	}

	@GetMapping({ MINE + "/revoke", PROJECT + "/revoke", REPOSITORY + "/revoke" })
	String revokeForm(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId, Model model) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		return page(model, owner, this.pages.token(caller, owner, tokenId), "token/revoke", null, null);
	}

	@PostMapping({ MINE + "/revoke", PROJECT + "/revoke", REPOSITORY + "/revoke" })
	String revoke(@AuthenticationPrincipal Caller caller, @PathVariable(required = false) String projectKey,
			@PathVariable(required = false) String repositorySlug, @PathVariable String tokenId,
			RedirectAttributes redirect) {
		TokenOwnerPage owner = this.pages.owner(caller, projectKey, repositorySlug);
		AccessToken token = this.pages.token(caller, owner, tokenId);
		this.tokens.delete(caller, owner.scope(), tokenId);
		return notice(redirect, owner, "Revoked \u201c" + token.name() + "\u201d: it no longer works anywhere.");
	}

	private String rotatePage(Model model, TokenOwnerPage owner, AccessToken token, TokenForms.Rotation form,
			FormErrors errors) {
		model.addAttribute("graceChoices", TokenForms.GraceChoice.upTo(this.pages.policy().maxRotationGraceMinutes()));
		return page(model, owner, token, "token/rotate", form, errors);
	}

	private String page(Model model, TokenOwnerPage owner, AccessToken token, String view, Object form,
			FormErrors errors) {
		model.addAttribute("owner", owner);
		model.addAttribute("token", TokenRow.of(token, this.moments.now()));
		model.addAttribute("policy", this.pages.policy());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return view;
	}

	private static String notice(RedirectAttributes redirect, TokenOwnerPage owner, String message) {
		redirect.addFlashAttribute("notice", message);
		return "redirect:" + owner.basePath();
	}

}
