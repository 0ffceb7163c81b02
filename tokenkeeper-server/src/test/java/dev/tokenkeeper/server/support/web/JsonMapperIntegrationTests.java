package dev.tokenkeeper.server.support.web;

import java.util.Arrays;
import java.util.List;

import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON mapper that reads and writes the API's bodies: Spring Boot's, configured by all of
 * Boot's customizers, but keeping Jackson's buffers per thread.
 */
class JsonMapperIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationContext context;

	@Test
	void apiMapperWhenWritingThenJacksonKeepsItsBuffersPerThread() {
		assertThat(apiMapper().tokenStreamFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
	}

	@Test
	void apiMapperWhenComparedWithBootsOwnBuilderThenEveryFeatureIsTheSame() {
		JsonMapper.Builder boots = JsonMapper.builder();
		this.context.getBeanProvider(JsonMapperBuilderCustomizer.class)
			.orderedStream()
			.forEach(customizer -> customizer.customize(boots));
		JsonMapper expected = boots.build();
		ObjectMapper actual = apiMapper();

		assertThat(actual.serializationConfig().getSerializationFeatures())
			.isEqualTo(expected.serializationConfig().getSerializationFeatures());
		assertThat(actual.deserializationConfig().getDeserializationFeatures())
			.isEqualTo(expected.deserializationConfig().getDeserializationFeatures());
		assertThat(actual.deserializationConfig().getDatatypeFeatures())
			.isEqualTo(expected.deserializationConfig().getDatatypeFeatures());
		assertThat(Arrays.stream(MapperFeature.values()).filter(actual::isEnabled).toList())
			.isEqualTo(Arrays.stream(MapperFeature.values()).filter(expected::isEnabled).toList());
		// the strict input of WebConfig is among them
		assertThat(actual.isEnabled(MapperFeature.ALLOW_COERCION_OF_SCALARS)).isFalse();
	}

	private ObjectMapper apiMapper() {
		List<JacksonJsonHttpMessageConverter> converters = this.context.getBean(RequestMappingHandlerAdapter.class)
			.getMessageConverters()
			.stream()
			.filter(JacksonJsonHttpMessageConverter.class::isInstance)
			.map(JacksonJsonHttpMessageConverter.class::cast)
			.toList();
		assertThat(converters).hasSize(1);
		return converters.get(0).getMapper();
	}

}
