package dev.tokenkeeper.server.permission;

/** A named group of users; grants to a group apply to each member. */
public record Group(long id, String name) {
}
