package dev.tokenkeeper.server.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

import dev.tokenkeeper.server.permission.AccessRules;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.ArgumentValidationException;
import dev.tokenkeeper.server.support.AuthorisationException;
import dev.tokenkeeper.server.support.NoSuchEntityException;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.token.AccessToken;
import dev.tokenkeeper.server.token.TokenEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Webhook endpoints (administrators manage them) and the outbox of their deliveries: a token
 * event writes one delivery per interested endpoint in the event's own transaction, so an event
 * is queued exactly when its change is stored. {@link WebhookDispatcher} sends them.
 */
@Service
public class WebhookService {

	/** The events an endpoint may subscribe to. */
	public static final Set<String> EVENTS = Set.of("token.created", "token.updated", "token.renewed",
			"token.rotated", "token.deleted", "token.expiring", "token.expired");

	private final WebhookStore store;

	private final JsonMapper json;

	private final Clock clock;

	WebhookService(WebhookStore store, JsonMapper json, Clock clock) {
		this.store = store;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public Webhook create(Caller caller, String url, String secret, List<String> events, Boolean active) {
		requireAdmin(caller);
		long id = this.store.insert(validUrl(url), validSecret(secret), List.copyOf(validEvents(events)),
				active == null || active, this.clock.instant());
		return this.store.find(id).orElseThrow();
	}

	@Transactional
	public Webhook update(Caller caller, long id, String url, String secret, List<String> events, Boolean active) {
		Webhook current = get(caller, id);
		Webhook changed = new Webhook(id, url == null ? current.url() : validUrl(url),
				secret == null ? current.secret() : validSecret(secret),
				events == null ? current.events() : validEvents(events), active == null ? current.active() : active,
				current.createdDate());
		this.store.update(changed);
		return changed;
	}

	@Transactional(readOnly = true)
	public Webhook get(Caller caller, long id) {
		requireAdmin(caller);
		return this.store.find(id).orElseThrow(() -> new NoSuchWebhookException(id));
	}

	@Transactional(readOnly = true)
	public List<Webhook> list(Caller caller) {
		requireAdmin(caller);
		return this.store.findAll();
	}

	@Transactional
	public void delete(Caller caller, long id) {
		get(caller, id);
		this.store.delete(id);
	}

	@Transactional(readOnly = true)
	public List<WebhookDelivery> deliveries(Caller caller, long id, PageRequest page) {
		get(caller, id);
		return this.store.deliveries(id, page);
	}

	/** Queues the event for every active endpoint that subscribed to it, in the event's transaction. */
	@EventListener
	public void onTokenEvent(TokenEvent event) {
		String name = event.kind().wireName();
		List<Webhook> interested = this.store.findAll().stream().filter(webhook -> webhook.wants(name)).toList();
		if (interested.isEmpty()) {
			return;
		}
		Instant now = this.clock.instant();
		String payload = payload(name, now, event.actor(), token(event));
		interested.forEach(webhook -> this.store.enqueue(webhook.id(), name, payload, now));
	}

	/** Queues a ping for one endpoint, to check it end to end. */
	@Transactional
	public void queuePing(Caller caller, long id) {
		Webhook webhook = get(caller, id);
		Instant now = this.clock.instant();
		this.store.enqueue(webhook.id(), "ping", payload("ping", now, caller.user().name(), null), now);
	}

	private String payload(String event, Instant now, String actor, Map<String, Object> token) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("event", event);
		payload.put("timestamp", now.toEpochMilli());
		payload.put("actor", actor);
		if (token != null) {
			payload.put("token", token);
		}
		return this.json.writeValueAsString(payload);
	}

	private static Map<String, Object> token(TokenEvent event) {
		AccessToken token = event.token();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("id", token.id());
		fields.put("name", token.name());
		fields.put("owner", event.owner());
		fields.put("permissions", token.permissions().names());
		fields.put("createdDate", token.createdDate().toEpochMilli());
		fields.put("expiryDays", token.expiryDays());
		fields.put("expiryDate", token.expiryDate() == null ? null : token.expiryDate().toEpochMilli());
		return fields;
	}

	private static URI validUrl(String url) {
		try {
			URI uri = new URI(url == null ? "" : url);
			if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
					&& url.length() <= 2048) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// reported below
		}
		throw new ArgumentValidationException("url", "url must be an absolute http or https URL.");
	}

	private static String validSecret(String secret) {
		if (secret == null || secret.length() < 16 || secret.length() > 255) {
			throw new ArgumentValidationException("secret",
					"secret is the signing key shared with the receiver: 16 to 255 characters.");
		}
		return secret;
	}

	private static Set<String> validEvents(List<String> events) {
		if (events == null || events.isEmpty() || events.stream().anyMatch(Objects::isNull)
				|| !EVENTS.containsAll(events)) {
			throw new ArgumentValidationException("events", "events must name one or more of " + EVENTS + ".");
		}
		return new LinkedHashSet<>(events);
	}

	private static void requireAdmin(Caller caller) {
		if (!AccessRules.isAdmin(caller)) {
			throw new AuthorisationException("Only administrators may manage webhooks.");
		}
	}

	/** No webhook with this id. */
	public static class NoSuchWebhookException extends NoSuchEntityException {

		NoSuchWebhookException(long id) {
			super("Webhook " + id + " does not exist.");
		}

	}

}
