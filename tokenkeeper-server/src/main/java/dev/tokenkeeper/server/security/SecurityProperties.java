package dev.tokenkeeper.server.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param passwordCacheMaxAge how long a verified user name and password are remembered without being used */
@ConfigurationProperties("tokenkeeper.security")
public record SecurityProperties(@DefaultValue("5m") Duration passwordCacheMaxAge) {
}
