package dev.tokenkeeper.client;

import java.util.List;

/**
 * The body of an update call. Fields left {@code null} are not sent and keep their values; the
 * expiry of a token cannot be changed by an update.
 *
 * @param name the new name, or {@code null}
 * @param permissions the new permissions, or {@code null}
 */
public record UpdateTokenRequest(String name, List<String> permissions) {

	/** Copies {@code permissions} when given. */
	public UpdateTokenRequest {
		permissions = (permissions == null) ? null : List.copyOf(permissions);
	}

}
