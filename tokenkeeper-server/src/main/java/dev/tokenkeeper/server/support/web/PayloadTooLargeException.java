package dev.tokenkeeper.server.support.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the configured limit. */
class PayloadTooLargeException extends IOException {

	static final String MESSAGE = "The request body is too large.";

	PayloadTooLargeException() {
		super(MESSAGE, null);
	}

}
