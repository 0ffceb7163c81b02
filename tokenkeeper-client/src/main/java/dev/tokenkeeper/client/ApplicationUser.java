package dev.tokenkeeper.client;

import java.util.List;
import java.util.Map;

/**
 * Bitbucket's user object, as it appears as the {@code user} of a token. For project and
 * repository tokens it is the service user that represents the token.
 *
 * @param name the user name
 * @param emailAddress the e-mail address, if the server shows it
 * @param id the numeric user id
 * @param displayName the display name
 * @param active whether the account is active
 * @param slug the URL-safe name used in paths
 * @param type {@code NORMAL} or {@code SERVICE}
 * @param links Bitbucket's links, e.g. {@code self}
 */
public record ApplicationUser(String name, String emailAddress, Long id, String displayName, Boolean active,
		String slug, String type, Map<String, List<Link>> links) {

	/**
	 * One link of a user.
	 * @param href the URL
	 */
	public record Link(String href) {
	}

	/**
	 * The URL of the user's page, from {@code links.self[0].href}.
	 * @return the URL, or {@code null} when the server sent none
	 */
	public String selfHref() {
		if (this.links == null || this.links.get("self") == null || this.links.get("self").isEmpty()) {
			return null;
		}
		return this.links.get("self").get(0).href();
	}

}
