package io.leadline.app.notify;

import static io.leadline.app.notify.NotifyFixtures.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookDeliveryTest {

	private static final String PAYLOAD = "{\"type\":\"job.completed\",\"status\":\"completed\"}";

	private final DataSource db = NotifyFixtures.migratedDatabase();

	private final NotificationOutbox outbox = new NotificationOutbox(db);

	private final WebhookEndpoints endpoints = new WebhookEndpoints(db);

	private final NotifyFixtures.HandClock clock = new NotifyFixtures.HandClock(Instant.parse("2026-11-25T18:00:00Z"));

	private final NotifyProperties settings = NotifyFixtures.settings();

	/** What {@code hooks.example.com} resolves to right now. */
	private final AtomicReference<InetAddress> dns = new AtomicReference<>(address("93.184.216.34"));

	private final MockWebServer receiver = new MockWebServer();

	@BeforeEach
	void startReceiver() throws IOException {
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void aReceiverAnswering500TwiceThen200GetsTheSameSignedEventThreeTimesAndAcceptsItOnce() throws Exception {
		receiver.enqueue(new MockResponse.Builder().code(500).build());
		receiver.enqueue(new MockResponse.Builder().code(500).build());
		receiver.enqueue(new MockResponse.Builder().code(200).build());
		WebhookDelivery delivery = deliveryThrough(loopbackAllowed());
		String secret = endpoints.set("acme", receiver.url("/hooks/leadline").toString()).secret();
		String eventId = anEvent("acme");

		List<Integer> accepted = new ArrayList<>();
		accepted.add(delivery.deliverDue());
		accepted.add(delivery.deliverDue());
		clock.advance(delivery.backoff(1));
		accepted.add(delivery.deliverDue());
		clock.advance(delivery.backoff(2));
		accepted.add(delivery.deliverDue());
		clock.advance(settings.giveUpAfter());
		accepted.add(delivery.deliverDue());

		assertThat(accepted).containsExactly(0, 0, 0, 1, 0);
		assertThat(receiver.getRequestCount()).isEqualTo(3);
		for (int i = 0; i < 3; i++) {
			RecordedRequest request = receiver.takeRequest();
			String body = request.getBody().utf8();
			assertThat(body).isEqualTo(PAYLOAD);
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getHeaders().get(WebhookSignature.EVENT_ID_HEADER)).isEqualTo(eventId);
			assertThat(WebhookSignature.verifies(secret, request.getHeaders().get(WebhookSignature.HEADER), body))
				.isTrue();
			assertThat(
					WebhookSignature.verifies("whsec_other", request.getHeaders().get(WebhookSignature.HEADER), body))
				.isFalse();
		}
		assertThat(outbox.state(eventId)).contains(NotificationOutbox.State.DELIVERED);
	}

	@Test
	void sendsNothingWhenTheWebhookHostNowResolvesToAnInsideAddress() {
		WebhookDelivery delivery = deliveryThrough(insideAddressesRefused());
		endpoints.set("acme", "http://hooks.example.com:" + receiver.getPort() + "/hook");
		String eventId = anEvent("acme");
		// why: DNS rebinding: the name was public when set and points at the receiver now
		dns.set(address("127.0.0.1"));

		int accepted = delivery.deliverDue();

		assertThat(accepted).isZero();
		assertThat(receiver.getRequestCount()).isZero();
		assertThat(outbox.state(eventId)).contains(NotificationOutbox.State.GAVE_UP);
		assertThat(outbox.recent("acme", 1).get(0).lastError()).contains("127.0.0.1");
	}

	@Test
	void sendsNothingToAnInsideAddressLiteral() {
		WebhookDelivery delivery = deliveryThrough(insideAddressesRefused());
		endpoints.set("acme", receiver.url("/hook").toString().replace("localhost", "127.0.0.1"));
		String eventId = anEvent("acme");

		delivery.deliverDue();

		assertThat(receiver.getRequestCount()).isZero();
		assertThat(outbox.state(eventId)).contains(NotificationOutbox.State.GAVE_UP);
	}

	@Test
	void givesUpADayAfterTheStateChangeWithAttemptsSpacedByBackOff() {
		for (int i = 0; i < 100; i++) {
			receiver.enqueue(new MockResponse.Builder().code(503).build());
		}
		WebhookDelivery delivery = deliveryThrough(loopbackAllowed());
		endpoints.set("acme", receiver.url("/hook").toString());
		Instant enqueued = clock.instant();
		String eventId = anEvent("acme");

		int attempts = 0;
		while (outbox.state(eventId).orElseThrow() != NotificationOutbox.State.GAVE_UP && attempts < 100) {
			delivery.deliverDue();
			attempts++;
			WebhookEvent event = outbox.recent("acme", 1).get(0);
			if (event.state().equals("pending")) {
				clock.set(event.nextAttemptAt());
			}
		}

		assertThat(outbox.state(eventId)).contains(NotificationOutbox.State.GAVE_UP);
		assertThat(receiver.getRequestCount()).isEqualTo(attempts);
		// 30 s, 1, 2, 4, 8, 16, 32 min, then hourly: 7 waits cover ~64 min, 22 more
		// hourly ones reach the day
		assertThat(attempts).isBetween(28, 31);
		assertThat(clock.instant()).isBefore(enqueued.plus(settings.giveUpAfter()));
		assertThat(outbox.recent("acme", 1).get(0).lastError()).isEqualTo("HTTP 503");
	}

	@Test
	void dropsTheEventWhenTheAccountRemovedItsWebhook() {
		WebhookDelivery delivery = deliveryThrough(loopbackAllowed());
		String eventId = anEvent("acme");

		delivery.deliverDue();

		assertThat(receiver.getRequestCount()).isZero();
		assertThat(outbox.state(eventId)).contains(NotificationOutbox.State.CANCELLED);
	}

	private String anEvent(String account) {
		UUID eventId = UUID.randomUUID();
		outbox.enqueue(eventId, account, UUID.randomUUID(), "41:completed", PAYLOAD, clock.instant());
		return eventId.toString();
	}

	private WebhookDelivery deliveryThrough(WebhookUrlPolicy policy) {
		return new WebhookDelivery(outbox, policy, WebhookDelivery.client(policy, settings), settings, clock);
	}

	/** What tests run with ({@code LEADLINE_ALLOW_HTTP_WEBHOOKS=true}). */
	private WebhookUrlPolicy loopbackAllowed() {
		return new WebhookUrlPolicy(true, true, InetAddress::getAllByName);
	}

	/** Plain http stays allowed so the loopback receiver could be reached, if asked. */
	private WebhookUrlPolicy insideAddressesRefused() {
		return new WebhookUrlPolicy(true, false, host -> host.equals("hooks.example.com")
				? new InetAddress[] { dns.get() } : InetAddress.getAllByName(host));
	}

}
