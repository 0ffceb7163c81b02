package dev.tokenkeeper.server.user.web;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.user.UserService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bitbucket's {@code /rest/api/1.0/users}: any authenticated user may look users up. */
@RestController
@RequestMapping({ "/rest/api/1.0/users", "/rest/api/latest/users" })
class UserRestController {

	private final UserService users;

	private final String baseUrl;

	UserRestController(UserService users, TokenkeeperProperties properties) {
		this.users = users;
		this.baseUrl = properties.baseUrlPrefix();
	}

	@GetMapping
	RestPage<RestApplicationUser> list(@RequestParam(required = false) String filter, PageRequest page) {
		return RestPage.of(page, this.users.find(filter, page), user -> RestApplicationUser.of(user, this.baseUrl));
	}

	@GetMapping("/{userSlug}")
	RestApplicationUser get(@PathVariable String userSlug) {
		return RestApplicationUser.of(this.users.getBySlug(userSlug), this.baseUrl);
	}

	/** Changes the caller's own password; needs the old one and a password-authenticated request. */
	@PutMapping("/credentials")
	ResponseEntity<Void> changeOwnPassword(@AuthenticationPrincipal Caller caller,
			@RequestBody OwnPasswordChange body) {
		this.users.changeOwnPassword(caller, body.oldPassword(), body.password(), body.passwordConfirm());
		return ResponseEntity.noContent().build();
	}

	record OwnPasswordChange(String oldPassword, String password, String passwordConfirm) {

		@Override
		public String toString() {
			return "OwnPasswordChange[hidden]";
		}

	}

}
