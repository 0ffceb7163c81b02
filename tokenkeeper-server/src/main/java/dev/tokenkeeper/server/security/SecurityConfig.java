package dev.tokenkeeper.server.security;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.audit.AuditLog;
import dev.tokenkeeper.server.support.web.RestErrorWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * One authentication path for the REST API: the {@code Authorization} header becomes a
 * {@link dev.tokenkeeper.server.permission.Caller} through {@link CredentialsConverter} and
 * {@link CredentialsAuthenticationProvider}. The API is stateless: no session, no CSRF token,
 * and tokens authenticate only under {@code /rest/}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	@Order(1)
	SecurityFilterChain restApi(HttpSecurity http, CredentialsAuthenticationProvider provider,
			AuthenticationThrottle throttle, AuditLog audit, RestErrorWriter errorWriter,
			TokenkeeperProperties properties) throws Exception {
		RestAuthenticationEntryPoint entryPoint = new RestAuthenticationEntryPoint(errorWriter);
		RestAuthenticationOutcomes outcomes = new RestAuthenticationOutcomes(throttle, audit, entryPoint, errorWriter,
				!properties.bitbucketStrict());
		AuthenticationFilter credentials = new AuthenticationFilter(new ProviderManager(provider),
				new CredentialsConverter());
		credentials.setFailureHandler(outcomes);
		credentials.setSuccessHandler(outcomes);
		RequestAttributeSecurityContextRepository perRequest = new RequestAttributeSecurityContextRepository();
		credentials.setSecurityContextRepository(perRequest);
		// Every filter here runs on every API call: no session, logout or servlet API wrapper filters,
		// which a stateless API never uses (bench/RESULTS.md has what they cost).
		return http.securityMatcher("/rest/**")
			.addFilterBefore(outcomes, BasicAuthenticationFilter.class)
			.addFilterAt(credentials, BasicAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/rest/tokenkeeper/1.0/version")
				.permitAll()
				.requestMatchers("/rest/access-tokens/**", "/rest/api/**", "/rest/tokenkeeper/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.securityContext(context -> context.securityContextRepository(perRequest))
			.sessionManagement(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.servletApi(AbstractHttpConfigurer::disable)
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.build();
	}

	/**
	 * No observation of each security filter, authentication and authorization: on the token hot
	 * path they cost more than verifying the token (bench/RESULTS.md). Request metrics and traces
	 * of whole HTTP requests are unaffected.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict firewall with its own header name and value rules, checked faster
	 * ({@link HeaderRule}); every other rule stays at its default.
	 */
	@Bean
	static HttpFirewall httpFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderRule.NAMES);
		firewall.setAllowedHeaderValues(HeaderRule.VALUES);
		return firewall;
	}

	/**
	 * Everything outside the REST API and the web UI ({@link WebUiSecurityConfig}): no credentials
	 * are accepted there, and nothing is served but errors.
	 */
	@Bean
	@Order(3)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

}
