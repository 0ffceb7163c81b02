package dev.tokenkeeper.server.support.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** Bitbucket's error envelope: {@code {"errors":[{"context":..,"message":..,"exceptionName":..}]}}. */
public record RestErrors(List<RestErrorMessage> errors) {

	public static RestErrors of(String context, String message, String exceptionName) {
		return new RestErrors(List.of(new RestErrorMessage(context, message, exceptionName)));
	}

	@JsonPropertyOrder({ "context", "message", "exceptionName" })
	public record RestErrorMessage(String context, String message, String exceptionName) {
	}

}
