package io.leadline.app.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook events as Stripe sends them (API version 2025-11-17.clover, the version
 * stripe-java 31 pins), and the {@code Stripe-Signature} header Stripe puts on them:
 * {@code t=<unix time>,v1=<hex HMAC-SHA256 of "t.payload" keyed by the endpoint secret>}.
 */
record StripeEvent(String id, String type, long created, String payload) {

	static final String API_VERSION = "2025-11-17.clover";

	/** The header Stripe would send with this payload, signed now. */
	String signedWith(String secret) {
		return signature(secret, Instant.now().getEpochSecond());
	}

	String signature(String secret, long timestamp) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	static String anId(String prefix) {
		return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
	}

	private static StripeEvent event(String type, long created, String object) {
		String id = anId("evt_1");
		String payload = """
				{
				  "id": "%s",
				  "object": "event",
				  "api_version": "%s",
				  "created": %d,
				  "data": {
				    "object": %s
				  },
				  "livemode": false,
				  "pending_webhooks": 1,
				  "request": {
				    "id": null,
				    "idempotency_key": null
				  },
				  "type": "%s"
				}""".formatted(id, API_VERSION, created, object, type);
		return new StripeEvent(id, type, created, payload);
	}

	/** A completed, paid Checkout Session in payment mode (a pack). */
	static StripeEvent packCheckoutCompleted(long created, String sessionId, String accountId, String customerId,
			String offer, long amountTotal) {
		return event("checkout.session.completed", created, """
				{
				  "id": "%s",
				  "object": "checkout.session",
				  "amount_subtotal": %d,
				  "amount_total": %d,
				  "cancel_url": "http://localhost:8080/billing?checkout=cancelled",
				  "client_reference_id": "%s",
				  "created": %d,
				  "currency": "usd",
				  "customer": "%s",
				  "customer_creation": "always",
				  "customer_details": {"email": "%s@example.com", "name": null, "tax_exempt": "none"},
				  "expires_at": %d,
				  "invoice": null,
				  "livemode": false,
				  "metadata": {"account_id": "%s", "offer": "%s"},
				  "mode": "payment",
				  "payment_intent": "%s",
				  "payment_method_types": ["card"],
				  "payment_status": "paid",
				  "status": "complete",
				  "subscription": null,
				  "success_url": "http://localhost:8080/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}",
				  "total_details": {"amount_discount": 0, "amount_shipping": 0, "amount_tax": 0},
				  "ui_mode": "hosted",
				  "url": null
				}""".formatted(sessionId, amountTotal, amountTotal, accountId, created - 60, customerId, accountId,
				created + 86400, accountId, offer, anId("pi_3")));
	}

	/** A completed Checkout Session in subscription mode (a plan). */
	static StripeEvent planCheckoutCompleted(long created, String sessionId, String accountId, String customerId,
			String subscriptionId, String offer, long amountTotal) {
		return event("checkout.session.completed", created, """
				{
				  "id": "%s",
				  "object": "checkout.session",
				  "amount_subtotal": %d,
				  "amount_total": %d,
				  "client_reference_id": "%s",
				  "created": %d,
				  "currency": "usd",
				  "customer": "%s",
				  "customer_details": {"email": "%s@example.com", "name": null, "tax_exempt": "none"},
				  "invoice": "%s",
				  "livemode": false,
				  "metadata": {"account_id": "%s", "offer": "%s"},
				  "mode": "subscription",
				  "payment_intent": null,
				  "payment_method_types": ["card"],
				  "payment_status": "paid",
				  "status": "complete",
				  "subscription": "%s",
				  "ui_mode": "hosted",
				  "url": null
				}""".formatted(sessionId, amountTotal, amountTotal, accountId, created - 60, customerId, accountId,
				anId("in_1"), accountId, offer, subscriptionId));
	}

	/**
	 * A paid subscription invoice, lines and parent in the 2025 (basil and later) shape.
	 */
	static StripeEvent invoicePaid(long created, String invoiceId, String accountId, String customerId,
			String subscriptionId, String priceId, long amountPaid, String billingReason) {
		return event("invoice.paid", created,
				"""
						{
						  "id": "%s",
						  "object": "invoice",
						  "account_country": "US",
						  "amount_due": %d,
						  "amount_paid": %d,
						  "amount_remaining": 0,
						  "attempt_count": 1,
						  "attempted": true,
						  "billing_reason": "%s",
						  "collection_method": "charge_automatically",
						  "created": %d,
						  "currency": "usd",
						  "customer": "%s",
						  "customer_email": "%s@example.com",
						  "lines": {
						    "object": "list",
						    "data": [
						      {
						        "id": "%s",
						        "object": "line_item",
						        "amount": %d,
						        "currency": "usd",
						        "description": "1 × plan (at %d / month)",
						        "invoice": "%s",
						        "livemode": false,
						        "metadata": {},
						        "parent": {
						          "type": "subscription_item_details",
						          "subscription_item_details": {"subscription": "%s", "subscription_item": "%s", "proration": false}
						        },
						        "period": {"end": %d, "start": %d},
						        "pricing": {
						          "type": "price_details",
						          "price_details": {"price": "%s", "product": "prod_test"},
						          "unit_amount_decimal": "%d"
						        },
						        "quantity": 1
						      }
						    ],
						    "has_more": false,
						    "total_count": 1,
						    "url": "/v1/invoices/%s/lines"
						  },
						  "livemode": false,
						  "parent": {
						    "type": "subscription_details",
						    "subscription_details": {"metadata": {"account_id": "%s"}, "subscription": "%s"}
						  },
						  "period_end": %d,
						  "period_start": %d,
						  "status": "paid",
						  "status_transitions": {"paid_at": %d},
						  "total": %d
						}"""
					.formatted(invoiceId, amountPaid, amountPaid, billingReason, created, customerId, accountId,
							anId("il_1"), amountPaid, amountPaid, invoiceId, subscriptionId, anId("si_"),
							created + 2592000, created, priceId, amountPaid, invoiceId, accountId, subscriptionId,
							created, created, created, amountPaid));
	}

	/**
	 * {@code customer.subscription.updated} (or {@code .deleted}) with its item's period.
	 */
	static StripeEvent subscription(String type, long created, String subscriptionId, String accountId,
			String customerId, String priceId, String status, long periodEnd) {
		return event(type, created,
				"""
						{
						  "id": "%s",
						  "object": "subscription",
						  "billing_cycle_anchor": %d,
						  "cancel_at": null,
						  "cancel_at_period_end": false,
						  "canceled_at": %s,
						  "collection_method": "charge_automatically",
						  "created": %d,
						  "currency": "usd",
						  "customer": "%s",
						  "items": {
						    "object": "list",
						    "data": [
						      {
						        "id": "%s",
						        "object": "subscription_item",
						        "created": %d,
						        "current_period_end": %d,
						        "current_period_start": %d,
						        "metadata": {},
						        "price": {
						          "id": "%s",
						          "object": "price",
						          "active": true,
						          "currency": "usd",
						          "product": "prod_test",
						          "recurring": {"interval": "month", "interval_count": 1, "usage_type": "licensed"},
						          "type": "recurring",
						          "unit_amount": 7900
						        },
						        "quantity": 1,
						        "subscription": "%s"
						      }
						    ],
						    "has_more": false,
						    "total_count": 1,
						    "url": "/v1/subscription_items?subscription=%s"
						  },
						  "latest_invoice": "%s",
						  "livemode": false,
						  "metadata": {"account_id": "%s"},
						  "start_date": %d,
						  "status": "%s"
						}""".formatted(subscriptionId, created - 3600,
						"canceled".equals(status) ? String.valueOf(created) : "null", created - 3600, customerId,
						anId("si_"), created - 3600, periodEnd, periodEnd - 2592000, priceId, subscriptionId,
						subscriptionId, anId("in_1"), accountId, created - 3600, status));
	}

	/** Any other event type, which Leadline does not use. */
	static StripeEvent other(String type, long created) {
		return event(type, created, """
				{"id": "%s", "object": "charge", "amount": 3500, "currency": "usd", "refunded": true}"""
			.formatted(anId("ch_3")));
	}

}
