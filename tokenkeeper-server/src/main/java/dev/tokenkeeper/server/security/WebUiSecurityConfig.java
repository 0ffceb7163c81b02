package dev.tokenkeeper.server.security;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.tokenkeeper.server.audit.AuditLog;
import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.user.UsersById;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * The web UI's own filter chain: a login form, a session and CSRF protection, and nothing else.
 * It never reads an {@code Authorization} header, so neither tokens nor Basic credentials reach
 * it; a strict Content-Security-Policy allows only the server's own scripts and stylesheets.
 */
@Configuration(proxyBeanMethods = false)
class WebUiSecurityConfig {

	/** Every path the web UI serves; anything else outside {@code /rest/} stays with the fallback chain. */
	static final String[] PATHS = { "/", "/login", "/logout", "/denied", "/tokens", "/tokens/**", "/projects",
			"/projects/**", "/admin/**", "/assets/**" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	@Bean
	@Order(2)
	SecurityFilterChain webUi(HttpSecurity http, PasswordAuthenticator passwords, AuthenticationThrottle throttle,
			AuditLog audit, UsersById users) throws Exception {
		ExceptionMappingAuthenticationFailureHandler failures = new ExceptionMappingAuthenticationFailureHandler();
		failures.setDefaultFailureUrl("/login?error");
		failures.setExceptionMappings(Map.of(WebLoginAuthenticationProvider.LoginThrottledException.class.getName(),
				"/login?throttled"));
		return http.securityMatcher(PATHS)
			.authenticationManager(new ProviderManager(new WebLoginAuthenticationProvider(passwords, throttle, audit)))
			.addFilterBefore(new WebSessionCallerFilter(users), AnonymousAuthenticationFilter.class)
			.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/denied", "/assets/**")
				.permitAll()
				.requestMatchers("/admin/**")
				.access((authentication, context) -> new AuthorizationDecision(
						authentication.get().getPrincipal() instanceof Caller caller && AccessRules.isAdmin(caller)))
				.anyRequest()
				.authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/tokens").failureHandler(failures))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
			.httpBasic(AbstractHttpConfigurer::disable)
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginEntryPoint())
				.accessDeniedPage("/denied"))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter(new StaticHeadersWriter("Permissions-Policy",
						"camera=(), microphone=(), geolocation=(), payment=(), usb=()"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin"))
				.addHeaderWriter(new StaticHeadersWriter("Cross-Origin-Resource-Policy", "same-origin")))
			.build();
	}

	/** Sends anyone not logged in to the login page, saying so when their session has ended. */
	private static final class LoginEntryPoint extends LoginUrlAuthenticationEntryPoint {

		LoginEntryPoint() {
			super("/login");
		}

		@Override
		protected String determineUrlToUseForThisRequest(HttpServletRequest request, HttpServletResponse response,
				AuthenticationException exception) {
			boolean sessionEnded = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
			return sessionEnded ? "/login?expired" : "/login";
		}

	}

}
