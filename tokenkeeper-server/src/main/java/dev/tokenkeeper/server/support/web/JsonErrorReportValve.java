package dev.tokenkeeper.server.support.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's own error report, for requests it refuses before any application code runs (a URL
 * it cannot decode, an encoded slash, headers over the size limit, a malformed request line):
 * Bitbucket's errors JSON instead of Tomcat's HTML page. Errors that reach the application are
 * answered by {@link RestErrorAdvice} and {@link RestErrorController} before this runs.
 */
final class JsonErrorReportValve extends ErrorReportValve {

	private final IntFunction<String> body;

	JsonErrorReportValve(IntFunction<String> body) {
		this.body = body;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		try {
			RestErrorWriter.addSecurityHeaders(response);
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(this.body.apply(status));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone or the response cannot be written any more: nobody to tell.
		}
	}

}
