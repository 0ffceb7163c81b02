package dev.tokenkeeper.server.cluster;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param cacheMaxAge on a shared database, the longest any node-local cache entry lives (to within
 * the caches' 100 ms tick): every change reaches every node at once through the database, and this
 * bounds how stale a node can be if a notification is ever missed (a node reconnecting, say)
 */
@ConfigurationProperties("tokenkeeper.cluster")
public record ClusterProperties(@DefaultValue("5s") Duration cacheMaxAge) {
}
