package dev.tokenkeeper.server.permission;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param cacheMaxAge how long a user's grants on a resource may be served from memory */
@ConfigurationProperties("tokenkeeper.permissions")
public record PermissionProperties(@DefaultValue("5m") Duration cacheMaxAge) {
}
