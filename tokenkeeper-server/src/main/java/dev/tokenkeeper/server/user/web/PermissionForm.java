package dev.tokenkeeper.server.user.web;

import dev.tokenkeeper.server.permission.GlobalPermission;
import dev.tokenkeeper.server.support.web.FormErrors;

/** A global permission to set; empty means none (the user can no longer log in). */
record PermissionForm(String permission) {

	GlobalPermission parse(FormErrors errors) {
		if (this.permission == null || this.permission.isEmpty()) {
			return null;
		}
		try {
			return GlobalPermission.valueOf(this.permission);
		}
		catch (IllegalArgumentException ex) {
			errors.add("permission", "Choose one of the permissions in the list.");
			return null;
		}
	}

}
