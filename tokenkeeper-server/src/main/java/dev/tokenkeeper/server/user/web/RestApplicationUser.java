package dev.tokenkeeper.server.user.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.support.web.RestLinks;
import dev.tokenkeeper.server.user.User;

/** Bitbucket's user object; a service user (a project or repository token's) has no email address. */
@JsonPropertyOrder({ "name", "emailAddress", "id", "displayName", "active", "slug", "type", "links" })
public record RestApplicationUser(String name, @JsonInclude(JsonInclude.Include.NON_NULL) String emailAddress, long id, String displayName, boolean active,
		String slug, String type, RestLinks links) {

	public static RestApplicationUser of(User user, String baseUrl) {
		return new RestApplicationUser(user.name(), user.emailAddress(), user.id(), user.displayName(), user.active(),
				user.slug(), user.type().name(), RestLinks.self(baseUrl + "/users/" + user.slug()));
	}

}
