package dev.tokenkeeper.server.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkeeper.server.TokenkeeperProperties;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.ExpiringTokens;
import dev.tokenkeeper.server.token.TokenEvent;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends expiry notices: at each threshold before expiry (default 30, 7 and 1 days) and at expiry,
 * by email to the people who depend on the token and as a webhook event. Each notice is claimed in
 * the database before it goes out, so it is sent at most once, across restarts and across nodes;
 * a renewal gives the token a new expiry and so a new schedule. Tokens are read in batches along
 * the expiry index, so a scan costs the tokens due, not all tokens.
 */
@Component
public class ExpiryScanner {

	private static final Logger log = LoggerFactory.getLogger(ExpiryScanner.class);

	private static final int BATCH = 500;

	/** Tokens that expired longer ago than this get no "has expired" notice (e.g. on a first start). */
	private static final Duration EXPIRED_NOTICE_WINDOW = Duration.ofDays(1);

	private final ExpiringTokens expiring;

	private final ExpiryNoticeStore notices;

	private final NoticeRecipients recipients;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	private final String baseUrl;

	private final Clock clock;

	ExpiryScanner(ExpiringTokens expiring, ExpiryNoticeStore notices, NoticeRecipients recipients,
			ObjectProvider<JavaMailSender> mailSender, ApplicationEventPublisher events,
			TransactionTemplate transactions, NotificationProperties properties,
			TokenkeeperProperties serverProperties, Clock clock) {
		this.expiring = expiring;
		this.notices = notices;
		this.recipients = recipients;
		this.mailSender = mailSender;
		this.events = events;
		this.transactions = transactions;
		this.properties = properties;
		this.baseUrl = serverProperties.baseUrlPrefix();
		this.clock = clock;
	}

	/** One scan; returns how many notices went out. */
	@Scheduled(fixedDelayString = "${tokenkeeper.notifications.scan-interval:1h}",
			initialDelayString = "${tokenkeeper.notifications.scan-interval:1h}")
	public int scan() {
		Instant now = this.clock.instant();
		int longest = this.properties.thresholdDays().stream().mapToInt(Integer::intValue).max().orElse(0);
		Instant from = now.minus(EXPIRED_NOTICE_WINDOW);
		Instant to = now.plus(Duration.ofDays(longest)).plusMillis(1);
		int sent = 0;
		AccessToken after = null;
		List<AccessToken> batch;
		do {
			batch = this.expiring.batch(from, to, after, BATCH);
			for (AccessToken token : batch) {
				Optional<Integer> due = dueThreshold(token.expiryDate(), now);
				if (due.isPresent() && notify(token, due.get(), now)) {
					sent++;
				}
			}
			after = batch.isEmpty() ? null : batch.get(batch.size() - 1);
		}
		while (batch.size() == BATCH);
		return sent;
	}

	/** The most urgent threshold that has come (0 once expired), if any. */
	Optional<Integer> dueThreshold(Instant expiry, Instant now) {
		if (!now.isBefore(expiry)) {
			return Optional.of(0);
		}
		return this.properties.thresholdDays()
			.stream()
			.filter(days -> !now.isBefore(expiry.minus(Duration.ofDays(days))))
			.min(Integer::compare);
	}

	private boolean notify(AccessToken token, int threshold, Instant now) {
		Boolean claimed = this.transactions.execute(status -> {
			if (!this.notices.claim(token.id(), threshold, token.expiryDate(), now)) {
				return false;
			}
			TokenEvent.Kind kind = threshold == 0 ? TokenEvent.Kind.EXPIRED : TokenEvent.Kind.EXPIRING;
			this.events.publishEvent(new TokenEvent(kind, token, this.recipients.owner(token).label(), null));
			return true;
		});
		if (!Boolean.TRUE.equals(claimed)) {
			return false;
		}
		JavaMailSender sender = this.mailSender.getIfAvailable();
		if (sender != null) {
			mail(sender, token, now);
		}
		return true;
	}

	private void mail(JavaMailSender sender, AccessToken token, Instant now) {
		NoticeRecipients.Owner owner = this.recipients.owner(token);
		ExpiryMail mail = new ExpiryMail(token, owner.label(), owner.path(), owner.tkOptions(), this.baseUrl, now);
		for (String address : owner.emailAddresses()) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.properties.mailFrom());
			message.setTo(address);
			message.setSubject(mail.subject());
			message.setText(mail.body());
			try {
				sender.send(message);
			}
			catch (MailException ex) {
				// The notice stays claimed: sent at most once. The webhook event carries it too.
				log.warn("Could not send the expiry notice for access token {} by email: {}", token.id(),
						ex.getMessage());
			}
		}
	}

}
