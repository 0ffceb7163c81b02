package dev.tokenkeeper.server.token.web;

import dev.tokenkeeper.server.token.OwnerScope;

/**
 * Whose tokens a page manages, and where: the user's own under {@code /tokens}, a project's under
 * {@code /projects/{key}/tokens}, a repository's under {@code /projects/{key}/repos/{slug}/tokens}.
 */
public record TokenOwnerPage(OwnerScope scope, String title, String intro, String basePath) {

	public String tokenPath(String tokenId, String action) {
		return this.basePath + "/" + tokenId + "/" + action;
	}

}
