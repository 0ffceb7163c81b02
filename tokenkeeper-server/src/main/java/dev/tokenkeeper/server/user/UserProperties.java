package dev.tokenkeeper.server.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername name of the system administrator created on first start
 * @param adminPassword its password; when empty a strong one is generated and printed once
 * @param cacheMaxAge how long a user read from the database may serve authentication
 */
@ConfigurationProperties("tokenkeeper.users")
public record UserProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
		@DefaultValue("5m") Duration cacheMaxAge) {
}
