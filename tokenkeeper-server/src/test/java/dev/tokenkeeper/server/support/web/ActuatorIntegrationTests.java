package dev.tokenkeeper.server.support.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import dev.tokenkeeper.server.support.Http;
import dev.tokenkeeper.server.support.IntegrationTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.actuate.endpoint.web.AbstractWebMvcEndpointHandlerMapping;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The actuator's paths, whose mappings the server asks only after the API's own: the actuator
 * still answers them, and a wrong method or an unknown path still fails as it should. And the
 * metrics of the API's requests.
 */
class ActuatorIntegrationTests extends IntegrationTestSupport {

	@Autowired
	private ApplicationContext context;

	@Autowired
	private MeterRegistry meters;

	@Test
	void handlerMappingsWhenSortedAsTheDispatcherDoesThenTheApiComesBeforeTheActuator() {
		List<HandlerMapping> mappings = new ArrayList<>(this.context.getBeansOfType(HandlerMapping.class).values());
		AnnotationAwareOrderComparator.sort(mappings);
		int api = mappings.indexOf(this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class));
		List<HandlerMapping> actuator = mappings.stream()
			.filter(mapping -> mapping instanceof AbstractWebMvcEndpointHandlerMapping)
			.toList();

		assertThat(actuator).isNotEmpty();
		assertThat(actuator).allSatisfy(mapping -> assertThat(mappings.indexOf(mapping)).isGreaterThan(api));
	}

	@Test
	void healthWhenAskedAnonymouslyThenUpWithReadinessAndLiveness() {
		Http.Response health = this.http.get("/actuator/health").send();

		assertThat(health.status()).as(health.toString()).isEqualTo(200);
		assertThat(health.json().get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/readiness").send().json().get("status").asString()).isEqualTo("UP");
		assertThat(this.http.get("/actuator/health/liveness").send().json().get("status").asString()).isEqualTo("UP");
	}

	@Test
	void healthWhenAskedWithAnotherMethodThenMethodNotAllowed() {
		assertThat(this.http.post("/actuator/health").send().status()).isEqualTo(405);
	}

	@Test
	void actuatorWhenPathIsUnknownThenNotFound() {
		assertThat(this.http.get("/actuator/health/nothing-here").send().status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/metrics").send().status()).isEqualTo(404);
	}

	@Test
	void httpRequestWhenServedThenTimedWithoutAnInFlightTimerOfItsOwn() {
		assertThat(this.http.get("/rest/tokenkeeper/1.0/version").send().status()).isEqualTo(200);

		// the timer is recorded once the response is written, so the client may see the response first
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(
					this.meters.find("http.server.requests").tag("uri", "/rest/tokenkeeper/1.0/version").timer())
				.isNotNull());
		assertThat(this.meters.find("http.server.requests.active").meters()).isEmpty();
	}

}
