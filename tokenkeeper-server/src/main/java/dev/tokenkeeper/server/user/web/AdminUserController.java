package dev.tokenkeeper.server.user.web;

import java.util.Arrays;
import java.util.List;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.GlobalPermission;
import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.support.web.PageController;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.user.User;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration: list and create users, and for one user their global permission, password and deletion. */
@Controller
class AdminUserController implements PageController {

	private static final int PAGE_SIZE = 50;

	private final UserService users;

	AdminUserController(UserService users) {
		this.users = users;
	}

	@GetMapping("/admin/users")
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int start, Model model) {
		return listPage(model, q, start, new NewUserForm("", "", "", "", ""), FormErrors.none(NewUserForm.class));
	}

	@PostMapping("/admin/users")
	String create(@AuthenticationPrincipal Caller caller, @ModelAttribute("form") NewUserForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		FormErrors errors = form.check(FormErrors.of(NewUserForm.class, binding));
		return errors.attempt(() -> this.users.create(caller, form.toNewUser()))
			.map(user -> notice(redirect, "/admin/users/" + user.slug(), "Created the user " + user.name() + "."))
			.orElseGet(() -> listPage(model, null, 0, form, errors));
	}

	@GetMapping("/admin/users/{slug}")
	String user(@AuthenticationPrincipal Caller caller, @PathVariable String slug, Model model) {
		return userPage(model, caller, this.users.getBySlug(slug), FormErrors.none(PasswordForm.class),
				FormErrors.none(PermissionForm.class));
	}

	@PostMapping("/admin/users/{slug}/permission")
	String permission(@AuthenticationPrincipal Caller caller, @PathVariable String slug,
			@ModelAttribute PermissionForm form, BindingResult binding, Model model, RedirectAttributes redirect) {
		User user = this.users.getBySlug(slug);
		FormErrors errors = FormErrors.of(PermissionForm.class, binding);
		GlobalPermission permission = form.parse(errors);
		return errors.attempt(() -> this.users.setPermission(caller, user.name(), permission))
				? notice(redirect, "/admin/users/" + slug, permission == null
						? user.name() + " no longer has a global permission and cannot log in."
						: user.name() + " now has the global permission " + permission + ".")
				: userPage(model, caller, user, FormErrors.none(PasswordForm.class), errors);
	}

	@PostMapping("/admin/users/{slug}/password")
	String password(@AuthenticationPrincipal Caller caller, @PathVariable String slug, @ModelAttribute PasswordForm form,
			BindingResult binding, Model model, RedirectAttributes redirect) {
		User user = this.users.getBySlug(slug);
		FormErrors errors = FormErrors.of(PasswordForm.class, binding);
		return errors.attempt(() -> this.users.changePassword(caller, user.name(), form.password(),
				form.passwordConfirm()))
				? notice(redirect, "/admin/users/" + slug, "Set a new password for " + user.name() + ".")
				: userPage(model, caller, user, errors, FormErrors.none(PermissionForm.class));
	}

	@GetMapping("/admin/users/{slug}/delete")
	String deleteForm(@PathVariable String slug, Model model) {
		model.addAttribute("user", this.users.getBySlug(slug));
		return "user/delete";
	}

	@PostMapping("/admin/users/{slug}/delete")
	String delete(@AuthenticationPrincipal Caller caller, @PathVariable String slug, RedirectAttributes redirect) {
		User deleted = this.users.delete(caller, this.users.getBySlug(slug).name());
		return notice(redirect, "/admin/users", "Deleted the user " + deleted.name() + " and all their tokens.");
	}

	private String listPage(Model model, String q, int start, NewUserForm form, FormErrors errors) {
		PageRequest page = new PageRequest(Math.max(0, start), PAGE_SIZE);
		List<User> found = this.users.find(q, page);
		model.addAttribute("users", found.stream().limit(PAGE_SIZE).toList());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("previousStart", page.start() == 0 ? null : Math.max(0, page.start() - PAGE_SIZE));
		model.addAttribute("nextStart", found.size() > PAGE_SIZE ? page.start() + PAGE_SIZE : null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return "user/users";
	}

	private String userPage(Model model, Caller caller, User user, FormErrors passwordErrors,
			FormErrors permissionErrors) {
		model.addAttribute("user", user);
		model.addAttribute("manageable", AccessRules.canManageUser(caller, user) && !caller.is(user));
		model.addAttribute("permissions", Arrays.stream(GlobalPermission.values())
			.filter(permission -> AccessRules.canGrant(caller, permission))
			.toList());
		model.addAttribute("passwordErrors", passwordErrors);
		model.addAttribute("permissionErrors", permissionErrors);
		return "user/user";
	}

	private static String notice(RedirectAttributes redirect, String path, String message) {
		redirect.addFlashAttribute("notice", message);
		return "redirect:" + path;
	}

}
