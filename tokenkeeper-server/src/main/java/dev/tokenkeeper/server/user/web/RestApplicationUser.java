package dev.tokenkeeper.server.user.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.user.User;

/** Bitbucket's user object. */
@JsonPropertyOrder({ "name", "emailAddress", "id", "displayName", "active", "slug", "type", "links" })
public record RestApplicationUser(String name, String emailAddress, long id, String displayName, boolean active,
		String slug, String type, Links links) {

	public static RestApplicationUser of(User user, String baseUrl) {
		return new RestApplicationUser(user.name(), user.emailAddress(), user.id(), user.displayName(), user.active(),
				user.slug(), user.type().name(), new Links(List.of(new Link(baseUrl + "/users/" + user.slug()))));
	}

	public record Links(List<Link> self) {
	}

	public record Link(String href) {
	}

}
