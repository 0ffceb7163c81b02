package dev.tokenkeeper.server.support.web;

import java.util.List;

/** Bitbucket's {@code links}: {@code {"self":[{"href":...}]}}. */
public record RestLinks(List<Link> self) {

	public static RestLinks self(String href) {
		return new RestLinks(List.of(new Link(href)));
	}

	public record Link(String href) {
	}

}
