package dev.tokenkeeper.server.support.web;

import java.io.IOException;

import jakarta.servlet.ServletException;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PageAssetUrlsTests {

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@Test
	void doFilterWhenApiRequestThenPassedOnUnwrapped() throws Exception {
		MockHttpServletRequest request = filter("/rest/access-tokens/1.0/self");

		assertThat(this.chain.getRequest()).isSameAs(request);
		assertThat(this.chain.getResponse()).isSameAs(this.response);
	}

	@Test
	void doFilterWhenPageRequestThenWrappedSoAssetUrlsCanBeWritten() throws Exception {
		MockHttpServletRequest request = filter("/tokens");

		assertThat(this.chain.getRequest()).isNotSameAs(request);
		assertThat(this.chain.getResponse()).isNotSameAs(this.response);
	}

	@Test
	void doFilterWhenPathOnlyStartsLikeTheApiThenStillWrapped() throws Exception {
		MockHttpServletRequest request = filter("/restore");

		assertThat(this.chain.getRequest()).isNotSameAs(request);
	}

	/** Sends a GET of the path through the filter and returns the request as it was sent. */
	private MockHttpServletRequest filter(String path) throws IOException, ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath(path);
		new WebConfig.PageAssetUrls().doFilter(request, this.response, this.chain);
		return request;
	}

}
