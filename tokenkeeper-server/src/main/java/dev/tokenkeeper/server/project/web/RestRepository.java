package dev.tokenkeeper.server.project.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.project.Repo;
import dev.tokenkeeper.server.support.web.RestLinks;

/** Bitbucket's repository object (the parts that mean something here: always a git repository, available). */
@JsonPropertyOrder({ "slug", "id", "name", "scmId", "state", "statusMessage", "forkable", "project", "public",
		"archived", "links" })
public record RestRepository(String slug, long id, String name, String scmId, String state, String statusMessage,
		boolean forkable, RestProject project, @JsonProperty("public") boolean isPublic, boolean archived,
		RestLinks links) {

	public static RestRepository of(Repo repo, String baseUrl) {
		return new RestRepository(repo.slug(), repo.id(), repo.name(), "git", "AVAILABLE", "Available", true,
				RestProject.of(repo.project(), baseUrl), repo.isPublic(), false, RestLinks.self(
						baseUrl + "/projects/" + repo.project().key() + "/repos/" + repo.slug() + "/browse"));
	}

}
