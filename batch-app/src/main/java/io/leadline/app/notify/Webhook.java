package io.leadline.app.notify;

import java.time.Instant;
import java.util.List;

/** An account's webhook as its owner sees it: never the secret. */
public record Webhook(String url, Instant updatedAt, List<WebhookEvent> recentEvents) {

	public Webhook {
		recentEvents = List.copyOf(recentEvents);
	}

	/** A webhook just set: the only time its secret is shown. */
	public record Created(String url, String secret, Instant updatedAt) {
	}

}
