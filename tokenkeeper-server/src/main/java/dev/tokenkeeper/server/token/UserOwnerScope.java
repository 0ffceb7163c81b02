package dev.tokenkeeper.server.token;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.user.User;

/** A user's personal access tokens. */
public record UserOwnerScope(User user) implements OwnerScope {

	@Override
	public TokenOwner owner() {
		return TokenOwner.user(this.user.id());
	}

	@Override
	public String label() {
		return "user " + this.user.name();
	}

	@Override
	public String subjectName() {
		return this.user.name();
	}

	@Override
	public boolean canRead(Caller caller) {
		return AccessRules.canReadUserTokens(caller, this.user);
	}

	@Override
	public boolean canCreate(Caller caller) {
		return AccessRules.canCreateUserToken(caller, this.user);
	}

	@Override
	public boolean canModify(Caller caller) {
		return AccessRules.canModifyUserTokens(caller, this.user);
	}

}
