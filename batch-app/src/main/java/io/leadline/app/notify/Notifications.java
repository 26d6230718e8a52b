package io.leadline.app.notify;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An account's webhook as the API and the account page manage it: the URL is checked by
 * the {@link WebhookUrlPolicy} before it is kept.
 */
@Component
public class Notifications {

	private static final Logger log = LoggerFactory.getLogger(Notifications.class);

	static final int RECENT = 20;

	private final WebhookEndpoints endpoints;

	private final NotificationOutbox outbox;

	private final WebhookUrlPolicy policy;

	Notifications(WebhookEndpoints endpoints, NotificationOutbox outbox, WebhookUrlPolicy policy) {
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.policy = policy;
	}

	/**
	 * @return the webhook with its new secret (setting it again rotates the secret)
	 * @throws WebhookUrlRefused when Leadline will not call the URL
	 */
	public Webhook.Created set(String accountId, String url) {
		WebhookEndpoints.Endpoint endpoint = endpoints.set(accountId, policy.check(url).toString());
		log.info("account {} set its webhook to {} (new secret)", accountId, endpoint.url());
		return new Webhook.Created(endpoint.url(), endpoint.secret(), endpoint.updatedAt());
	}

	/** The account's webhook with its newest events, if it has one. */
	public Optional<Webhook> webhook(String accountId) {
		return endpoints.find(accountId)
			.map(endpoint -> new Webhook(endpoint.url(), endpoint.updatedAt(), outbox.recent(accountId, RECENT)));
	}

	/** Removes the webhook; events not sent yet are dropped. */
	public boolean remove(String accountId) {
		boolean removed = endpoints.delete(accountId);
		if (removed) {
			int dropped = outbox.cancelPending(accountId);
			log.info("account {} removed its webhook; {} unsent events dropped", accountId, dropped);
		}
		return removed;
	}

}
