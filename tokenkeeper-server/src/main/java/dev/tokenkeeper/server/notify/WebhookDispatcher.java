package dev.tokenkeeper.server.notify;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tokenkeeper.server.notify.WebhookDelivery.Status;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued webhook deliveries, signed, with retries. Due deliveries are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and leased for a while, so with several nodes each is sent by
 * one of them; a failed one is retried with exponential backoff until the give-up time, then
 * marked failed and logged.
 */
@Component
public class WebhookDispatcher {

	static final String SIGNATURE_HEADER = "X-Tokenkeeper-Signature";

	static final String TIMESTAMP_HEADER = "X-Tokenkeeper-Timestamp";

	private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

	private static final int BATCH = 20;

	private static final Duration LEASE = Duration.ofMinutes(2);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(10);

	private static final Duration LONGEST_RETRY = Duration.ofHours(1);

	private final WebhookStore store;

	private final TransactionTemplate transactions;

	private final NotificationProperties properties;

	private final Clock clock;

	WebhookDispatcher(WebhookStore store, TransactionTemplate transactions, NotificationProperties properties,
			Clock clock) {
		this.store = store;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/** Sends what is due now; returns how many deliveries were attempted. */
	@Scheduled(fixedDelayString = "${tokenkeeper.notifications.delivery-interval:5s}")
	public int deliverDue() {
		Instant now = this.clock.instant();
		List<WebhookDelivery> due = this.transactions.execute(status -> {
			List<WebhookDelivery> locked = this.store.lockDue(now, BATCH);
			locked.forEach(delivery -> this.store.lease(delivery.id(), now.plus(LEASE), now));
			return locked;
		});
		due.forEach(this::attempt);
		return due.size();
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	public void deleteOldDeliveries() {
		this.store.deleteFinishedBefore(this.clock.instant().minus(this.properties.deliveryRetention()));
	}

	private void attempt(WebhookDelivery delivery) {
		Webhook webhook = this.store.find(delivery.webhookId()).orElse(null);
		if (webhook == null) {
			return;
		}
		Integer code = null;
		String error = null;
		try {
			code = send(webhook, delivery);
			if (code / 100 != 2) {
				error = "HTTP " + code;
			}
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = "interrupted";
		}
		Instant now = this.clock.instant();
		if (error == null) {
			this.store.recordOutcome(delivery.id(), Status.DELIVERED, null, code, null, now);
			return;
		}
		int attempts = delivery.attempts() + 1;
		Instant next = now.plus(backoff(attempts));
		if (next.isAfter(delivery.createdDate().plus(this.properties.deliveryGiveUpAfter()))) {
			this.store.recordOutcome(delivery.id(), Status.FAILED, null, code, error, now);
			log.warn("Gave up delivering {} {} to webhook {} after {} attempts: {}", delivery.event(), delivery.id(),
					webhook.id(), attempts, error);
		}
		else {
			this.store.recordOutcome(delivery.id(), Status.PENDING, next, code, error, now);
		}
	}

	private int send(Webhook webhook, WebhookDelivery delivery) throws IOException, InterruptedException {
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(webhook.url())
			.timeout(Duration.ofSeconds(10))
			.header("Content-Type", "application/json")
			.header("User-Agent", "Tokenkeeper-Webhook")
			.header("X-Tokenkeeper-Event", delivery.event())
			.header("X-Tokenkeeper-Delivery", Long.toString(delivery.id()))
			.header(TIMESTAMP_HEADER, timestamp)
			.header(SIGNATURE_HEADER, "sha256=" + sign(webhook.secret(), timestamp, delivery.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
			.build();
		return Http.CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Hex HMAC-SHA256 of {@code timestamp + "." + body} under the endpoint's secret. */
	static String sign(String secret, String timestamp, String body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is required by every Java platform", ex);
		}
	}

	/** 10 s, 20 s, 40 s, ... at most an hour. */
	static Duration backoff(int attempts) {
		Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
		return wait.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait;
	}

	/**
	 * The HTTP client, made on the first delivery: building one sets up TLS, which took a tenth
	 * of a second of every start-up, also on servers that have no webhooks.
	 */
	private static final class Http {

		static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	}

}
