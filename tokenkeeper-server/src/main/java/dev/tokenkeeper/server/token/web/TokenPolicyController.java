package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.token.TokenPolicy;
import dev.tokenkeeper.server.token.TokenPolicyService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The token policy, for administrators: the same settings as {@code /rest/access-tokens/latest/admin/settings}. */
@Controller
class TokenPolicyController implements PageController {

	private final TokenPolicyService policies;

	TokenPolicyController(TokenPolicyService policies) {
		this.policies = policies;
	}

	@GetMapping("/admin/policy")
	String policy(@AuthenticationPrincipal Caller caller, Model model) {
		return page(model, PolicyForm.of(this.policies.get(caller)), FormErrors.none(PolicyForm.class));
	}

	@PostMapping("/admin/policy")
	String update(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") PolicyForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		FormErrors errors = form.check(FormErrors.of(PolicyForm.class, binding));
		return errors.attempt(() -> this.policies.update(caller, form.toPolicy())).map(saved -> {
			redirect.addFlashAttribute("notice", "Saved the token policy. It applies from the next token created, "
					+ "renewed or rotated; existing tokens keep their expiry.");
			return "redirect:/admin/policy";
		}).orElseGet(() -> page(model, form, errors));
	}

	private static String page(Model model, PolicyForm form, FormErrors errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "token/policy";
	}

	/** The policy as the form shows it; an unchecked box arrives as {@code null}. */
	record PolicyForm(Boolean requireExpiry, Integer maxExpiryDays, Integer maxTokensPerOwner,
			Integer renewExpiredWithinDays, Boolean selfRotation, Integer maxRotationGraceMinutes) {

		static PolicyForm of(TokenPolicy policy) {
			return new PolicyForm(policy.requireExpiry(), policy.maxExpiryDays(), policy.maxTokensPerOwner(),
					policy.renewExpiredWithinDays(), policy.selfRotation(), policy.maxRotationGraceMinutes());
		}

		FormErrors check(FormErrors errors) {
			if (this.maxExpiryDays != null && this.maxExpiryDays < 1) {
				errors.add("maxExpiryDays", "Enter at least 1 day, or leave it empty for no limit.");
			}
			if (this.maxTokensPerOwner == null || this.maxTokensPerOwner < 1 || this.maxTokensPerOwner > 100_000) {
				errors.add("maxTokensPerOwner", "Enter a number from 1 to 100000.");
			}
			if (this.renewExpiredWithinDays == null || this.renewExpiredWithinDays < 0) {
				errors.add("renewExpiredWithinDays", "Enter zero or more days (zero: expired tokens cannot be renewed).");
			}
			if (this.maxRotationGraceMinutes == null || this.maxRotationGraceMinutes < 0) {
				errors.add("maxRotationGraceMinutes", "Enter zero or more minutes.");
			}
			return errors;
		}

		TokenPolicy toPolicy() {
			return new TokenPolicy(Boolean.TRUE.equals(this.requireExpiry), this.maxExpiryDays, this.maxTokensPerOwner,
					this.renewExpiredWithinDays, Boolean.TRUE.equals(this.selfRotation), this.maxRotationGraceMinutes);
		}

	}

}
