package dev.tokenkeeper.server.support.web;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PageAssetUrlsTests {

	private final WebConfig.PageAssetUrls filter = new WebConfig.PageAssetUrls();

	@Test
	void doFilterWhenApiRequestThenPassedOnUnwrapped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/rest/access-tokens/1.0/self");
		request.setServletPath("/rest/access-tokens/1.0/self");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isSameAs(request);
		assertThat(chain.getResponse()).isSameAs(response);
	}

	@Test
	void doFilterWhenPageRequestThenWrappedSoAssetUrlsCanBeWritten() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/tokens");
		request.setServletPath("/tokens");
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, response, chain);

		assertThat(chain.getRequest()).isNotSameAs(request);
		assertThat(chain.getResponse()).isNotSameAs(response);
	}

	@Test
	void doFilterWhenPathOnlyStartsLikeTheApiThenStillWrapped() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/restore");
		request.setServletPath("/restore");
		MockFilterChain chain = new MockFilterChain();

		this.filter.doFilter(request, new MockHttpServletResponse(), chain);

		assertThat(chain.getRequest()).isNotSameAs(request);
	}

}
