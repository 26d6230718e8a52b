package io.leadline.app.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Proxy;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due events to their webhooks: a signed POST, retried with exponential back-off on
 * anything but a 2xx answer (errors, timeouts, redirects) until a day after the job's
 * state change, then given up (logged, and shown by {@code GET
 * /api/account/notifications}). The address is checked again before each attempt and the
 * client connects only to the addresses checked.
 */
final class WebhookDelivery {

	private static final Logger log = LoggerFactory.getLogger(WebhookDelivery.class);

	private static final MediaType JSON = MediaType.get("application/json");

	/**
	 * Slow receivers hold the thread; the server's scheduler has one, which the nightly
	 * sweep and orphan recovery share, so a poll stops taking events after this long and
	 * the next poll goes on.
	 */
	static final Duration TICK_BUDGET = Duration.ofSeconds(30);

	private final NotificationOutbox outbox;

	private final WebhookUrlPolicy policy;

	private final OkHttpClient http;

	private final NotifyProperties properties;

	private final Clock clock;

	WebhookDelivery(NotificationOutbox outbox, WebhookUrlPolicy policy, OkHttpClient http, NotifyProperties properties,
			Clock clock) {
		this.outbox = outbox;
		this.policy = policy;
		this.http = http;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The client for webhooks: short timeouts, no redirects (a receiver could point
	 * anywhere), no proxy, and a resolver that refuses what the policy refuses.
	 */
	static OkHttpClient client(WebhookUrlPolicy policy, NotifyProperties properties) {
		return new OkHttpClient.Builder().connectTimeout(properties.connectTimeout())
			.readTimeout(properties.readTimeout())
			.writeTimeout(properties.readTimeout())
			.callTimeout(properties.connectTimeout().plus(properties.readTimeout()))
			.followRedirects(false)
			.followSslRedirects(false)
			.retryOnConnectionFailure(false)
			.proxy(Proxy.NO_PROXY)
			.dns(host -> checkedAddresses(policy, host))
			.build();
	}

	/**
	 * Sends the events due now, each after claiming it.
	 * @return how many were accepted by their receivers
	 */
	int deliverDue() {
		int accepted = 0;
		Instant started = clock.instant();
		for (String eventId : outbox.due(started, properties.batchSize())) {
			Instant now = clock.instant();
			if (now.isAfter(started.plus(TICK_BUDGET))) {
				break;
			}
			var claimed = outbox.claim(eventId, now, now.plus(claimTime()));
			if (claimed.isPresent() && deliver(claimed.get())) {
				accepted++;
			}
		}
		return accepted;
	}

	private boolean deliver(NotificationOutbox.Claimed event) {
		if (event.endpoint().isEmpty()) {
			outbox.cancelled(event, clock.instant(), "the webhook was removed");
			return false;
		}
		WebhookEndpoints.Endpoint endpoint = event.endpoint().get();
		String failure;
		try {
			// why: an IP literal never reaches the client's resolver, so it is checked
			// here
			policy.check(endpoint.url());
			failure = post(event, endpoint);
		}
		catch (WebhookUrlRefused e) {
			if (e.code().equals(WebhookUrlRefused.UNRESOLVABLE)) {
				// why: DNS trouble passes; a refused address or scheme does not
				retryOrGiveUp(event, e.getMessage());
			}
			else {
				giveUp(event, "refused: " + e.getMessage());
			}
			return false;
		}
		catch (RefusedAddress e) {
			giveUp(event, "refused: " + e.getMessage());
			return false;
		}
		if (failure == null) {
			outbox.delivered(event, clock.instant());
			log.info("webhook event {} of account {} delivered (attempt {})", event.eventId(), event.accountId(),
					event.attempt());
			return true;
		}
		retryOrGiveUp(event, failure);
		return false;
	}

	/**
	 * @return null when the receiver accepted the event, else what went wrong
	 */
	private String post(NotificationOutbox.Claimed event, WebhookEndpoints.Endpoint endpoint) throws RefusedAddress {
		long t = clock.instant().getEpochSecond();
		Request request = new Request.Builder().url(endpoint.url())
			.post(RequestBody.create(event.payload(), JSON))
			.header(WebhookSignature.HEADER, WebhookSignature.header(endpoint.secret(), t, event.payload()))
			.header(WebhookSignature.EVENT_ID_HEADER, event.eventId())
			.header("User-Agent", "Leadline-Webhooks/1")
			.build();
		try (Response response = http.newCall(request).execute()) {
			return response.isSuccessful() ? null : "HTTP " + response.code();
		}
		catch (RefusedAddress e) {
			throw e;
		}
		catch (IOException e) {
			return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
		}
	}

	private void retryOrGiveUp(NotificationOutbox.Claimed event, String failure) {
		Instant next = clock.instant().plus(backoff(event.attempt()));
		if (next.isAfter(event.createdAt().plus(properties.giveUpAfter()))) {
			giveUp(event, failure);
			return;
		}
		outbox.retryAt(event, next, failure);
		log.info("webhook event {} of account {}: attempt {} failed ({}); next at {}", event.eventId(),
				event.accountId(), event.attempt(), failure, next);
	}

	private void giveUp(NotificationOutbox.Claimed event, String failure) {
		outbox.gaveUp(event, clock.instant(), failure);
		log.warn("webhook event {} of account {}: gave up after {} attempts ({})", event.eventId(), event.accountId(),
				event.attempt(), failure);
	}

	/** {@code retryBase × 2^(attempt-1)}, at most {@code retryMaxDelay}. */
	Duration backoff(int attempt) {
		Duration delay = properties.retryBase();
		for (int i = 1; i < attempt && delay.compareTo(properties.retryMaxDelay()) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return delay.compareTo(properties.retryMaxDelay()) > 0 ? properties.retryMaxDelay() : delay;
	}

	/** Longer than one call may take, so a live sender keeps its claim. */
	private Duration claimTime() {
		return properties.connectTimeout().plus(properties.readTimeout()).plusMinutes(1);
	}

	private static List<InetAddress> checkedAddresses(WebhookUrlPolicy policy, String host)
			throws UnknownHostException {
		try {
			return policy.addressesOf(host);
		}
		catch (WebhookUrlRefused e) {
			throw e.code().equals(WebhookUrlRefused.UNRESOLVABLE) ? new UnknownHostException(e.getMessage())
					: new RefusedAddress(e.getMessage());
		}
	}

	/** The client's resolver refused the host: no connection was made. */
	static final class RefusedAddress extends UnknownHostException {

		RefusedAddress(String message) {
			super(message);
		}

	}

}
