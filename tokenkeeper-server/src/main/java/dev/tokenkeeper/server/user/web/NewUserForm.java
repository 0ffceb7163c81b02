package dev.tokenkeeper.server.user.web;

import dev.tokenkeeper.server.support.web.FormErrors;
import dev.tokenkeeper.server.user.UserService;

/** A new user, as the admin form submits it. {@link #toString()} leaves the passwords out. */
record NewUserForm(String name, String displayName, String emailAddress, String password, String passwordConfirm) {

	FormErrors check(FormErrors errors) {
		if (this.password != null && !this.password.isEmpty() && !this.password.equals(this.passwordConfirm)) {
			errors.add("passwordConfirm", "The two passwords are not the same.");
		}
		return errors;
	}

	UserService.NewUser toNewUser() {
		return new UserService.NewUser(this.name == null ? null : this.name.strip(), this.password, this.displayName,
				this.emailAddress);
	}

	@Override
	public String toString() {
		return "NewUserForm[name=" + this.name + "]";
	}

}
