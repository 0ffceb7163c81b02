package dev.tokenkeeper.server.user;

import dev.tokenkeeper.server.permission.GlobalPermission;

/**
 * A user account. {@code permission} is the global permission, or {@code null} for none.
 * {@code passwordHash} is an adaptive hash and never leaves the server; {@link #toString()}
 * leaves it out.
 */
public record User(long id, String name, String slug, String displayName, String emailAddress, boolean active,
		UserType type, GlobalPermission permission, String passwordHash) {

	/** Licensed, active users may authenticate. */
	public boolean mayAuthenticate() {
		return this.active && this.permission != null;
	}

	public User withPasswordHash(String hash) {
		return new User(this.id, this.name, this.slug, this.displayName, this.emailAddress, this.active, this.type,
				this.permission, hash);
	}

	@Override
	public String toString() {
		return "User[id=" + this.id + ", name=" + this.name + ", type=" + this.type + ", permission="
				+ this.permission + "]";
	}

}
