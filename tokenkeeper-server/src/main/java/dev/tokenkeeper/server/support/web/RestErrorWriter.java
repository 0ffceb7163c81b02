package dev.tokenkeeper.server.support.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Writes Bitbucket's error envelope straight to a servlet response, for the places that run
 * outside Spring MVC (security entry points, filters, the container's error page).
 */
@Component
public class RestErrorWriter {

	private final JsonMapper jsonMapper;

	RestErrorWriter(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	public void write(HttpServletResponse response, int status, RestErrors errors) throws IOException {
		if (response.isCommitted()) {
			return;
		}
		response.resetBuffer();
		addSecurityHeaders(response);
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.jsonMapper.writeValue(response.getOutputStream(), errors);
	}

	/**
	 * The headers Spring Security adds to every response it sees, for error responses written
	 * before its filter chain runs (an oversized body) or without it (the container's errors).
	 */
	public static void addSecurityHeaders(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
	}

}
