package dev.tokenkeeper.server.notify.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import dev.tokenkeeper.server.notify.Webhook;
import dev.tokenkeeper.server.notify.WebhookDelivery;
import dev.tokenkeeper.server.notify.WebhookDispatcher;
import dev.tokenkeeper.server.notify.WebhookService;
import dev.tokenkeeper.server.permission.Caller;
import dev.tokenkeeper.server.support.web.PageRequest;
import dev.tokenkeeper.server.support.web.RestPage;
import dev.tokenkeeper.server.support.web.TokenkeeperExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Webhook endpoints and their delivery log, for administrators. The secret is write-only. */
@RestController
@TokenkeeperExtension
@RequestMapping("/rest/tokenkeeper/1.0/webhooks")
class WebhookRestController {

	private final WebhookService webhooks;

	private final WebhookDispatcher dispatcher;

	WebhookRestController(WebhookService webhooks, WebhookDispatcher dispatcher) {
		this.webhooks = webhooks;
		this.dispatcher = dispatcher;
	}

	@PostMapping
	ResponseEntity<RestWebhook> create(@AuthenticationPrincipal Caller caller, @RequestBody WebhookRequest body) {
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(RestWebhook.of(this.webhooks.create(caller, body.url(), body.secret(), body.events(), body.active())));
	}

	@GetMapping
	RestPage<RestWebhook> list(@AuthenticationPrincipal Caller caller, PageRequest page) {
		List<Webhook> all = this.webhooks.list(caller);
		return RestPage.of(page, all.stream().skip(page.start()).limit(page.fetchSize()).toList(), RestWebhook::of);
	}

	@GetMapping("/{id}")
	RestWebhook get(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
		return RestWebhook.of(this.webhooks.get(caller, id));
	}

	@PutMapping("/{id}")
	RestWebhook update(@AuthenticationPrincipal Caller caller, @PathVariable long id, @RequestBody WebhookRequest body) {
		return RestWebhook.of(this.webhooks.update(caller, id, body.url(), body.secret(), body.events(), body.active()));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
		this.webhooks.delete(caller, id);
		return ResponseEntity.noContent().build();
	}

	/** Queues a "ping" event and sends what is due right away; the delivery log shows the outcome. */
	@PostMapping("/{id}/test")
	ResponseEntity<Void> test(@AuthenticationPrincipal Caller caller, @PathVariable long id) {
		this.webhooks.queuePing(caller, id);
		this.dispatcher.deliverDue();
		return ResponseEntity.accepted().build();
	}

	@GetMapping("/{id}/deliveries")
	RestPage<RestDelivery> deliveries(@AuthenticationPrincipal Caller caller, @PathVariable long id,
			PageRequest page) {
		return RestPage.of(page, this.webhooks.deliveries(caller, id, page), RestDelivery::of);
	}

	record WebhookRequest(String url, String secret, List<String> events, Boolean active) {

		@Override
		public String toString() {
			return "WebhookRequest[url=" + this.url + "]";
		}

	}

	@JsonPropertyOrder({ "id", "url", "events", "active", "createdDate" })
	record RestWebhook(long id, String url, List<String> events, boolean active, long createdDate) {

		static RestWebhook of(Webhook webhook) {
			return new RestWebhook(webhook.id(), webhook.url().toString(), List.copyOf(webhook.events()),
					webhook.active(), webhook.createdDate().toEpochMilli());
		}

	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "id", "event", "status", "attempts", "responseCode", "error", "createdDate", "updatedDate",
			"nextAttempt" })
	record RestDelivery(long id, String event, String status, int attempts, Integer responseCode, String error,
			long createdDate, long updatedDate, Long nextAttempt) {

		static RestDelivery of(WebhookDelivery delivery) {
			return new RestDelivery(delivery.id(), delivery.event(), delivery.status().name(), delivery.attempts(),
					delivery.lastResponseCode(), delivery.lastError(), delivery.createdDate().toEpochMilli(),
					delivery.updatedDate().toEpochMilli(),
					delivery.status() == WebhookDelivery.Status.PENDING && delivery.nextAttempt() != null
							? delivery.nextAttempt().toEpochMilli() : null);
		}

	}

}
