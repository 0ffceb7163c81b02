package dev.tokenkeeper.server.support.web;

import java.util.List;

import jakarta.servlet.Filter;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

import static org.assertj.core.api.Assertions.assertThat;

/** The filter that writes the web UI's asset URLs is registered once, by us, and so skips the API. */
class AssetUrlFilterIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationContext context;

	@Test
	void registrationsWhenServerRunsThenTheOnlyAssetUrlFilterIsTheOneThatSkipsTheApi() {
		List<Filter> assetUrlFilters = this.context.getBeansOfType(FilterRegistrationBean.class)
			.values()
			.stream()
			.map(registration -> (Filter) registration.getFilter())
			.filter(ResourceUrlEncodingFilter.class::isInstance)
			.toList();

		assertThat(assetUrlFilters).singleElement().isInstanceOf(WebConfig.PageAssetUrls.class);
	}

}
