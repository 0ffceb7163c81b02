package dev.tokenkeeper.server.security;

import java.util.List;

import dev.tokenkeeper.server.token.TokenAuthenticator.AuthenticatedToken;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller take an {@link AuthenticatedToken}: the token that authenticated its request,
 * as its verification saw it a moment before. So a resource that describes the calling token looks
 * nothing up again. A request that a password authenticated gets a bad request
 * ({@link dev.tokenkeeper.server.permission.Caller#requireToken()}).
 */
@Configuration(proxyBeanMethods = false)
class AuthenticatedTokenArguments implements WebMvcConfigurer {

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new Resolver());
	}

	private static final class Resolver implements HandlerMethodArgumentResolver {

		@Override
		public boolean supportsParameter(MethodParameter parameter) {
			return parameter.getParameterType() == AuthenticatedToken.class;
		}

		@Override
		public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
				NativeWebRequest request, WebDataBinderFactory binderFactory) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (!(authentication instanceof CallerAuthentication caller)) {
				// the security chain lets only authenticated requests reach such a controller
				throw new IllegalStateException("No authenticated caller for " + parameter);
			}
			if (caller.verifiedToken() == null) {
				caller.getPrincipal().requireToken();
			}
			return caller.verifiedToken();
		}

	}

}
