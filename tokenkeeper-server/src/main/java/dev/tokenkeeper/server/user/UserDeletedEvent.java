package dev.tokenkeeper.server.user;

/**
 * Published inside the transaction that deletes a user, before the row goes, so that what belongs
 * to the user elsewhere (their tokens) can go first, in the same transaction, in an order of its
 * own rather than the foreign key's.
 */
public record UserDeletedEvent(long userId) {
}
