package dev.tokenkeeper.server.support.web;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Replaces Tomcat's HTML error report (which Spring Boot installs with the stack trace hidden)
 * by {@link JsonErrorReportValve}. Runs after Boot's own customizer, so that it finds Boot's
 * valve and removes it; the host is told the valve's class so that it adds no default one.
 */
@Component
class TomcatErrorReportCustomizer implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

	private final JsonMapper jsonMapper;

	TomcatErrorReportCustomizer(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void customize(ConfigurableTomcatWebServerFactory factory) {
		factory.addContextCustomizers(context -> {
			Container host = context.getParent();
			if (host instanceof StandardHost standardHost) {
				standardHost.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
			for (Valve valve : host.getPipeline().getValves()) {
				if (valve instanceof ErrorReportValve) {
					host.getPipeline().removeValve(valve);
				}
			}
			host.getPipeline().addValve(new JsonErrorReportValve(this::body));
		});
	}

	private String body(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		String message = (known != null) ? known.getReasonPhrase() : "The request was refused.";
		return this.jsonMapper.writeValueAsString(RestErrors.of(null, message, null));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
