package dev.tokenkeeper.server.user.web;

/** A new password for a user. {@link #toString()} leaves it out. */
record PasswordForm(String password, String passwordConfirm) {

	@Override
	public String toString() {
		return "PasswordForm[hidden]";
	}

}
