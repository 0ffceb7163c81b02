package dev.tokenkeeper.server.support.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Bitbucket's error envelope: {@code {"errors":[{"context":..,"message":..,"exceptionName":..}]}}. */
public record RestErrors(List<RestErrorMessage> errors) {

	/** The database could not be reached: the client may retry, here or on another node (503). */
	public static final String DATABASE_UNAVAILABLE = "The database is temporarily unavailable; this request may not have"
			+ " taken effect. Try again.";

	/** Two requests changed the same rows at once and this one lost; nothing it did was kept (409). */
	public static final String CONCURRENT_CHANGE = "Another request changed the same data at the same time; nothing was"
			+ " changed. Try again.";

	public static RestErrors of(String context, String message, String exceptionName) {
		return new RestErrors(List.of(new RestErrorMessage(context, message, exceptionName)));
	}

	@JsonPropertyOrder({ "context", "message", "exceptionName" })
	public record RestErrorMessage(String context, String message, String exceptionName) {
	}

}
