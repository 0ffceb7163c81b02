package dev.tokenkeeper.client;

/**
 * One entry of Bitbucket's error envelope {@code {"errors":[...]}}.
 *
 * @param context the request field the error is about, or {@code null}
 * @param message the server's human-readable reason
 * @param exceptionName the server's exception class name, or {@code null}
 */
public record ErrorMessage(String context, String message, String exceptionName) {
}
