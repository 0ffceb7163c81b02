package dev.tokenkeeper.server.support.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

	/**
	 * Request bodies are read strictly: a value of the wrong JSON type is an error, not
	 * something to coerce, so {@code "expiryDays": "90"} or {@code "name": 5} get a 400.
	 */
	@Bean
	JsonMapperBuilderCustomizer strictJsonInput() {
		return builder -> builder.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.withCoercionConfig(LogicalType.Textual, config -> config
				.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
	}

	/**
	 * Spring Boot's JSON mapper builder with one difference: Jackson keeps its buffers per thread,
	 * as Jackson 2 did, instead of in Jackson 3's default pool, shared through a concurrent deque,
	 * whose take and return on every JSON response were 1.8% of the request threads' samples in a
	 * profile of the Bearer scenario (bench/RESULTS.md). Requests run on the platform threads of
	 * Tomcat's pool, which a pool per thread suits; on virtual threads every request would take
	 * fresh buffers. Boot's customizers (the {@code spring.jackson} properties, and ours) apply in
	 * order, as in Boot's own builder, which stands back for this one. The mapper built here serves
	 * the API's bodies, its error bodies and webhooks; the actuator builds its own.
	 */
	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	JsonMapper.Builder jsonMapperBuilderWithBuffersPerThread(List<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper
			.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
		customizers.forEach(customizer -> customizer.customize(builder));
		return builder;
	}

	/**
	 * Asks the API's request mappings before the actuator's. Spring Boot puts the actuator's
	 * first, so every API request was first tried against each actuator path and its media types,
	 * then through the search for a near miss that could explain a 405 or 406: about 5% of a
	 * Bearer request's CPU (bench/RESULTS.md). No mapping of ours matches a path under
	 * {@code /actuator}, so the actuator still answers all of its own.
	 */
	@Bean
	static BeanPostProcessor actuatorMappingsAfterTheApi() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof AbstractWebMvcEndpointHandlerMapping actuatorMapping) {
					// the API's RequestMappingHandlerMapping has order 0
					actuatorMapping.setOrder(1);
				}
				return bean;
			}

		};
	}

	/**
	 * The web UI's pages link their assets by URLs that carry a hash of the content, which
	 * Spring's {@link ResourceUrlEncodingFilter} writes. Spring Boot would register it for every
	 * request; this registration takes the place of Boot's. It filters requests as they arrive,
	 * not error dispatches: pages render their errors themselves, and {@code /error} is JSON.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> assetUrlsInPages() {
		return new FilterRegistrationBean<>(new PageAssetUrls());
	}

	/**
	 * The API's JSON never links an asset, so its requests skip the filter: it wraps the request
	 * and the response and checks every request attribute set, about 2% of a token-authenticated
	 * request's CPU (bench/RESULTS.md).
	 */
	static final class PageAssetUrls extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (((HttpServletRequest) request).getServletPath().startsWith("/rest/")) {
				chain.doFilter(request, response);
			}
			else {
				super.doFilter(request, response, chain);
			}
		}

	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageRequestResolver());
	}

	/** Lets controllers take a {@link PageRequest} parsed from {@code start} and {@code limit}. */
	private static final class PageRequestResolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == PageRequest.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			return PageRequest.parse(request.getParameter("start"), request.getParameter("limit"));
		}

	}

}
