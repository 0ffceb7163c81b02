package dev.tokenkeeper.server.permission.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.permission.Group;
import dev.tokenkeeper.server.permission.PermissionService;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Bitbucket's group administration; administrators only. */
@RestController
@RequestMapping({ "/rest/api/1.0/admin", "/rest/api/latest/admin" })
class AdminGroupRestController {

	private final PermissionService permissions;

	AdminGroupRestController(PermissionService permissions) {
		this.permissions = permissions;
	}

	@PostMapping("/groups")
	RestDetailedGroup create(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name) {
		return RestDetailedGroup.of(this.permissions.createGroup(caller, name));
	}

	@GetMapping("/groups")
	RestPage<RestDetailedGroup> list(@AuthenticationPrincipal Caller caller,
			@RequestParam(required = false) String filter, PageRequest page) {
		return RestPage.of(page, this.permissions.findGroups(caller, filter, page), RestDetailedGroup::of);
	}

	@DeleteMapping("/groups")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @RequestParam(required = false) String name) {
		this.permissions.deleteGroup(caller, name);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Adds a user to groups. Takes Bitbucket's {@code {"context": group, "itemName": user}} as
	 * well as {@code {"user": user, "groups": [...]}}.
	 */
	@PostMapping("/groups/add-user")
	ResponseEntity<Void> addUser(@AuthenticationPrincipal Caller caller, @RequestBody Membership body) {
		this.permissions.addUserToGroups(caller, body.userName(), body.groupNames());
		return ResponseEntity.ok().build();
	}

	@PostMapping("/users/add-groups")
	ResponseEntity<Void> addGroups(@AuthenticationPrincipal Caller caller, @RequestBody Membership body) {
		return addUser(caller, body);
	}

	@PostMapping("/groups/remove-user")
	ResponseEntity<Void> removeUser(@AuthenticationPrincipal Caller caller, @RequestBody Membership body) {
		this.permissions.removeUserFromGroups(caller, body.userName(), body.groupNames());
		return ResponseEntity.ok().build();
	}

	record Membership(String context, String itemName, String user, List<String> groups) {

		String userName() {
			return this.user != null ? this.user : this.itemName;
		}

		List<String> groupNames() {
			return this.groups != null ? this.groups : (this.context == null ? null : List.of(this.context));
		}

	}

	@JsonPropertyOrder({ "name", "deletable" })
	record RestDetailedGroup(String name, boolean deletable) {

		static RestDetailedGroup of(Group group) {
			return new RestDetailedGroup(group.name(), true);
		}

	}

}
