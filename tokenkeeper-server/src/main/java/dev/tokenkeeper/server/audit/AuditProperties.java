package dev.tokenkeeper.server.audit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retention how long audit events are kept
 * @param failureFlushInterval how often counted failures (bad credentials, rotated-out or
 * expired secrets) are written, one row per source, name and kind
 */
@ConfigurationProperties("tokenkeeper.audit")
public record AuditProperties(@DefaultValue("365d") Duration retention,
		@DefaultValue("10s") Duration failureFlushInterval) {
}
