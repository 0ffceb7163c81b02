package dev.tokenkeeper.server.token;

/** A token found by a search across owners, with the owner it belongs to. */
public record OwnedToken(AccessToken token, OwnerScope owner) {
}
