package dev.tokenkeeper.server.user.web;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.GlobalPermission;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.user.UserService;
import dev.tokenkeeper.server.user.UserService.NewUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bitbucket's user administration ({@code /rest/api/1.0/admin/users} and
 * {@code /admin/permissions/users}), in its query-parameter style. Administrators only.
 */
@RestController
@RequestMapping({ "/rest/api/1.0/admin", "/rest/api/latest/admin" })
class AdminUserRestController {

	private final UserService users;

	private final String baseUrl;

	AdminUserRestController(UserService users, TokenkeeperProperties properties) {
		this.users = users;
		this.baseUrl = properties.baseUrlPrefix();
	}

	@PostMapping("/users")
	ResponseEntity<Void> create(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
			@RequestParam(required = false) String password, @RequestParam(required = false) String displayName,
			@RequestParam(required = false) String emailAddress) {
		this.users.create(caller, new NewUser(name, password, displayName, emailAddress));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/users")
	RestPage<RestApplicationUser> list(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String filter, PageRequest page) {
		requireAdmin(caller);
		return RestPage.of(page, this.users.find(filter, page), user -> RestApplicationUser.of(user, this.baseUrl));
	}

	@PutMapping("/users")
	RestApplicationUser updateDetails(@AuthenticationPrincipal Caller caller, @RequestBody UserDetails body) {
		this.users.updateDetails(caller, body.name(), body.displayName(), body.email());
		return RestApplicationUser.of(this.users.getByName(body.name()), this.baseUrl);
	}

	@DeleteMapping("/users")
	RestApplicationUser delete(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name) {
		return RestApplicationUser.of(this.users.delete(caller, name), this.baseUrl);
	}

	@PutMapping("/users/credentials")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal Caller caller, @RequestBody PasswordChange body) {
		this.users.changePassword(caller, body.name(), body.password(), body.passwordConfirm());
		return ResponseEntity.noContent().build();
	}

	@PutMapping("/permissions/users")
	ResponseEntity<Void> grant(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name,
			@RequestParam(required = false) String permission) {
		this.users.setPermission(caller, name, parsePermission(permission));
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping("/permissions/users")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name) {
		this.users.setPermission(caller, name, null);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/permissions/users")
	RestPage<RestUserPermission> listPermissions(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String filter, PageRequest page) {
		requireAdmin(caller);
		return RestPage.of(page, this.users.findLicensed(filter, page),
				user -> new RestUserPermission(RestApplicationUser.of(user, this.baseUrl), user.permission().name()));
	}

	private static GlobalPermission parsePermission(String permission) {
		if (permission == null) {
			throw new ArgumentValidationException("permission", "permission is required.");
		}
		try {
			return GlobalPermission.valueOf(permission);
		}
		catch (IllegalArgumentException ex) {
			throw new ArgumentValidationException("permission",
					"permission must be one of LICENSED_USER, PROJECT_CREATE, ADMIN, SYS_ADMIN.");
		}
	}

	private static void requireAdmin(Caller caller) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("You are not permitted to administer users.");
		}
	}

	record UserDetails(String name, String displayName, String email) {
	}

	record PasswordChange(String name, String password, String passwordConfirm) {

		@Override
		public String toString() {
			return "PasswordChange[name=" + this.name + "]";
		}

	}

	@JsonPropertyOrder({ "user", "permission" })
	record RestUserPermission(RestApplicationUser user, String permission) {
	}

}
