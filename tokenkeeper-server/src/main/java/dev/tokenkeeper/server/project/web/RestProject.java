package dev.tokenkeeper.server.project.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.project.Project;
import dev.tokenkeeper.server.support.web.RestLinks;

/** Bitbucket's project object. */
@JsonPropertyOrder({ "key", "id", "name", "description", "public", "type", "links" })
public record RestProject(String key, long id, String name,
		@JsonInclude(JsonInclude.Include.NON_NULL) String description, @JsonProperty("public") boolean isPublic,
		String type, RestLinks links) {

	public static RestProject of(Project project, String baseUrl) {
		return new RestProject(project.key(), project.id(), project.name(), project.description(), project.isPublic(),
				"NORMAL", RestLinks.self(baseUrl + "/projects/" + project.key()));
	}

}
