package dev.tokenkeeper.server.support.web;

import java.util.Arrays;
import java.util.List;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON mapper that reads and writes the API's bodies: Spring Boot's, configured by all of
 * Boot's customizers, but keeping Jackson's buffers per thread, and reading properties through
 * generated accessors.
 */
class JsonMapperIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationContext context;

	@Test
	void apiMapperWhenWritingThenJacksonKeepsItsBuffersPerThread() {
		assertThat(apiMapper().tokenStreamFactory()._getRecyclerPool()).isSameAs(JsonRecyclerPools.threadLocalPool());
	}

	@Test
	void apiMapperWhenWritingThenItReadsPropertiesThroughGeneratedAccessors() {
		assertThat(apiMapper().registeredModules()).hasAtLeastOneElementOfType(BlackbirdModule.class);
	}

	/**
	 * Spring Boot's own builder is {@code JsonMapper.builder()} with every customizer applied in
	 * order; the API's mapper must come out the same in everything but the buffer pool.
	 */
	@Test
	void apiMapperWhenComparedWithBootsOwnBuilderThenItIsConfiguredTheSame() {
		JsonMapper.Builder boots = JsonMapper.builder();
		this.context.getBeanProvider(JsonMapperBuilderCustomizer.class)
			.orderedStream()
			.forEach(customizer -> customizer.customize(boots));
		JsonMapper expected = boots.build();
		ObjectMapper actual = apiMapper();

		assertThat(configuration(actual)).isEqualTo(configuration(expected));
		// the strict input of WebConfig is among them
		assertThat(actual.isEnabled(MapperFeature.ALLOW_COERCION_OF_SCALARS)).isFalse();
		assertThat(actual.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION)).isTrue();
	}

	/** What a mapper is configured with, short of its factory's buffer pool. */
	private static List<Object> configuration(ObjectMapper mapper) {
		SerializationConfig writing = mapper.serializationConfig();
		DeserializationConfig reading = mapper.deserializationConfig();
		StreamReadConstraints limits = mapper.tokenStreamFactory().streamReadConstraints();
		return List.of(writing.getSerializationFeatures(), writing.getStreamWriteFeatures(),
				writing.getFormatWriteFeatures(), reading.getDeserializationFeatures(), reading.getStreamReadFeatures(),
				reading.getFormatReadFeatures(), reading.getDatatypeFeatures(),
				Arrays.stream(MapperFeature.values()).filter(mapper::isEnabled).toList(),
				mapper.registeredModules().stream().map(JacksonModule::getRegistrationId).map(String::valueOf).sorted().toList(),
				String.valueOf(writing.findMixInClassFor(ProblemDetail.class)),
				writing.getDefaultPropertyInclusion(), writing.getTimeZone(), writing.getLocale(),
				List.of(limits.getMaxStringLength(), limits.getMaxNumberLength(), limits.getMaxNestingDepth(),
						limits.getMaxDocumentLength(), limits.getMaxNameLength()));
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
