package dev.tokenkeeper.server.notify;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

/** A registered webhook endpoint. {@link #toString()} leaves the signing secret out. */
public record Webhook(long id, URI url, String secret, Set<String> events, boolean active, Instant createdDate) {

	public boolean wants(String event) {
		return this.active && this.events.contains(event);
	}

	@Override
	public String toString() {
		return "Webhook[id=" + this.id + ", url=" + this.url + ", events=" + this.events + "]";
	}

}
