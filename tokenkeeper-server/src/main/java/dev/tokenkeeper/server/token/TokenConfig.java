package dev.tokenkeeper.server.token;

import java.security.SecureRandom;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TokenConfig {

	@Bean
	SecureRandom secureRandom() {
		return new SecureRandom();
	}

	@Bean
	TokenSecrets tokenSecrets(SecureRandom secureRandom, TokenProperties properties) {
		return new TokenSecrets(secureRandom, properties.prefix());
	}

}
