package dev.tokenkeeper.server.notify;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Expiry notices and webhooks. Email goes out only when Spring's {@code spring.mail.host} is set.
 *
 * @param thresholdDays how many days before expiry a notice goes out; one also goes out at expiry
 * @param scanInterval how often tokens are checked for notices due
 * @param mailFrom the sender of notice emails
 * @param deliveryInterval how often webhook deliveries due are sent
 * @param deliveryGiveUpAfter how long a failing webhook delivery is retried
 * @param deliveryRetention how long the delivery log is kept
 */
@ConfigurationProperties("tokenkeeper.notifications")
public record NotificationProperties(@DefaultValue({ "30", "7", "1" }) List<Integer> thresholdDays,
		@DefaultValue("1h") Duration scanInterval, @DefaultValue("tokenkeeper@localhost") String mailFrom,
		@DefaultValue("5s") Duration deliveryInterval, @DefaultValue("24h") Duration deliveryGiveUpAfter,
		@DefaultValue("30d") Duration deliveryRetention) {
}
