package dev.tokenkeeper.server.user;

/**
 * Published inside the transaction that deletes a user, before the row goes, so that what belongs
 * to the user elsewhere (their tokens) can prepare in the same transaction.
 */
public record UserDeletedEvent(long userId) {
}
