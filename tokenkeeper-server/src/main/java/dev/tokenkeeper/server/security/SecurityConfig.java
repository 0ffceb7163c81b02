package dev.tokenkeeper.server.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.RestErrorWriter;
import dev.tokenkeeper.server.support.web.RestErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * One authentication path for the REST API: the {@code Authorization} header becomes a
 * {@link dev.tokenkeeper.server.permission.Caller} through {@link CredentialsConverter} and
 * {@link CredentialsAuthenticationProvider}. The API is stateless: no session, no CSRF token,
 * and tokens authenticate only under {@code /rest/}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

	@Bean
	@Order(1)
	SecurityFilterChain restApi(HttpSecurity http, CredentialsAuthenticationProvider provider,
			RestErrorWriter errorWriter, TokenkeeperProperties properties) throws Exception {
		RestAuthenticationEntryPoint entryPoint = new RestAuthenticationEntryPoint(errorWriter);
		AuthenticationFilter credentials = new AuthenticationFilter(new ProviderManager(provider),
				new CredentialsConverter());
		AuthenticationEntryPointFailureHandler refused = new AuthenticationEntryPointFailureHandler(entryPoint);
		credentials.setFailureHandler((request, response, ex) -> {
			if (ex instanceof AuthenticationServiceException) {
				log.warn("Cannot authenticate, the database is unavailable: {}",
						NestedExceptionUtils.getMostSpecificCause(ex).toString());
				errorWriter.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
						RestErrors.of(null, RestErrors.DATABASE_UNAVAILABLE, null));
			}
			else {
				refused.onAuthenticationFailure(request, response, ex);
			}
		});
		credentials.setSuccessHandler(properties.bitbucketStrict() ? (request, response, authentication) -> {
		} : SecurityConfig::announceTokenExpiration);
		credentials.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
		return http.securityMatcher("/rest/**")
			.addFilterAt(credentials, BasicAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests
				.requestMatchers("/rest/access-tokens/**", "/rest/api/**", "/rest/tokenkeeper/**")
				.authenticated()
				.anyRequest()
				.permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.anonymous(anonymous -> {
			})
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
			.build();
	}

	/** Tells a token's holder when the secret they used stops working (a Tokenkeeper extension). */
	private static void announceTokenExpiration(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		Caller caller = ((CallerAuthentication) authentication).getPrincipal();
		if (caller.usedToken() && caller.token().credentialExpiry() != null) {
			TokenHeaders.announceExpiration(response, caller.token().credentialExpiry());
		}
	}

	/** Everything outside the REST API: no credentials are accepted there (yet: the web UI comes later). */
	@Bean
	@Order(2)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(AbstractHttpConfigurer::disable)
			.build();
	}

}
