package io.leadline.app.billing;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.net.Webhook;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.Payment;

/**
 * Applies Stripe's webhook events to accounts and the ledger, each at most once. The
 * signature is checked first (Stripe's own {@link Webhook#constructEvent}, with the
 * configured tolerance against replays); then, in one transaction, the event id is
 * recorded and the event applied, so a replay, Stripe's retry or a concurrent delivery
 * changes nothing. A purchase is also booked under the paid object's id, unique in the
 * ledger, so even two different events for one invoice credit it once.
 *
 * <ul>
 * <li>{@code checkout.session.completed}: links the Stripe customer (and subscription) to
 * the account named by {@code client_reference_id}; a paid pack is credited.</li>
 * <li>{@code checkout.session.async_payment_succeeded}: credits a pack paid late.</li>
 * <li>{@code invoice.paid}: a plan's monthly allowance, once per invoice.</li>
 * <li>{@code customer.subscription.created|updated}: plan, status, renewal date.</li>
 * <li>{@code customer.subscription.deleted}: the subscription becomes inactive; credits
 * stay.</li>
 * </ul>
 */
class StripeWebhook {

	/** What a delivery did. */
	enum Outcome {

		APPLIED, DUPLICATE, IGNORED

	}

	private static final Logger log = LoggerFactory.getLogger(StripeWebhook.class);

	// why: proration invoices (subscription_update) and manual ones do not renew the
	// allowance; crediting them would let a plan switch mint credits
	private static final Set<String> ALLOWANCE_INVOICES = Set.of("subscription_create", "subscription_cycle");

	private final BillingProperties properties;

	private final Catalog catalog;

	private final Subscriptions subscriptions;

	private final StripeEvents events;

	private final CreditLedger ledger;

	private final TransactionTemplate tx;

	StripeWebhook(BillingProperties properties, Catalog catalog, Subscriptions subscriptions, StripeEvents events,
			CreditLedger ledger, TransactionTemplate tx) {
		this.properties = properties;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.events = events;
		this.ledger = ledger;
		this.tx = tx;
	}

	/**
	 * @throws BillingException 400 {@code invalid_signature} for a bad or stale signature
	 * (nothing changes), 503 when no webhook secret is configured
	 */
	Outcome receive(String payload, String signatureHeader) {
		Event event = verified(payload, signatureHeader);
		if (events.seen(event.getId())) {
			log.info("stripe event {} ({}) was applied before; ignored", event.getId(), event.getType());
			return Outcome.DUPLICATE;
		}
		JsonNode object = JsonMapper.shared().readTree(payload).path("data").path("object");
		try {
			Outcome outcome = tx.execute(status -> {
				events.record(event.getId(), event.getType());
				return apply(event.getType(), object, event.getCreated());
			});
			log.info("stripe event {} ({}): {}", event.getId(), event.getType(), outcome);
			return outcome;
		}
		catch (DuplicateKeyException concurrent) {
			if (events.seen(event.getId())) {
				// why: a concurrent delivery of the same event committed first
				return Outcome.DUPLICATE;
			}
			throw concurrent;
		}
	}

	private Event verified(String payload, String signatureHeader) {
		if (!properties.verifiesWebhooks()) {
			throw new BillingException(HttpStatus.SERVICE_UNAVAILABLE, "billing_disabled",
					"webhooks are off on this server: LEADLINE_STRIPE_WEBHOOK_SECRET is not set");
		}
		if (signatureHeader == null || signatureHeader.isBlank()) {
			throw invalidSignature("the Stripe-Signature header is missing");
		}
		try {
			return Webhook.constructEvent(payload, signatureHeader, properties.webhookSecret(),
					properties.webhookTolerance().toSeconds());
		}
		catch (SignatureVerificationException e) {
			throw invalidSignature(e.getMessage());
		}
		catch (RuntimeException notAnEvent) {
			throw new BillingException(HttpStatus.BAD_REQUEST, "invalid_event",
					"the body is not a Stripe event: " + notAnEvent.getMessage());
		}
	}

	private Outcome apply(String type, JsonNode object, long created) {
		return switch (type) {
			case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> checkoutCompleted(object);
			case "invoice.paid" -> invoicePaid(object);
			case "customer.subscription.created", "customer.subscription.updated" ->
				subscriptionChanged(object, created, false);
			case "customer.subscription.deleted" -> subscriptionChanged(object, created, true);
			default -> {
				log.info("stripe event type {} is not used; acknowledged", type);
				yield Outcome.IGNORED;
			}
		};
	}

	private Outcome checkoutCompleted(JsonNode session) {
		String sessionId = text(session, "id");
		Optional<String> account = accountId(text(session, "client_reference_id"))
			.or(() -> accountId(text(session.path("metadata"), StripeSessions.ACCOUNT_ID)))
			.or(() -> subscriptions.accountOfCustomer(text(session, "customer")));
		if (account.isEmpty()) {
			log.warn("checkout session {} names no account of ours; acknowledged", sessionId);
			return Outcome.IGNORED;
		}
		String accountId = ledger.account(account.get()).id();
		String customer = text(session, "customer");
		if (customer != null) {
			subscriptions.linkCustomer(accountId, customer);
		}
		String offerId = text(session.path("metadata"), StripeSessions.OFFER);
		if ("subscription".equals(text(session, "mode"))) {
			String subscription = text(session, "subscription");
			if (subscription != null) {
				subscriptions.attach(subscription, accountId, customer, catalog.plan(offerId).orElse(null));
			}
			return Outcome.APPLIED;
		}
		if (!"paid".equals(text(session, "payment_status"))) {
			log.info("checkout session {} of account {} awaits its payment; credited when it succeeds", sessionId,
					accountId);
			return Outcome.APPLIED;
		}
		Optional<Offer> pack = catalog.pack(offerId);
		if (pack.isEmpty()) {
			log.warn("checkout session {} of account {} bought '{}', which is no pack of the catalog; acknowledged",
					sessionId, accountId, offerId);
			return Outcome.IGNORED;
		}
		boolean credited = ledger.purchase(accountId, pack.get().credits(),
				"%s: %,d credits".formatted(pack.get().name(), pack.get().credits()), sessionId,
				payment(session, "amount_total"));
		return credited ? Outcome.APPLIED : Outcome.DUPLICATE;
	}

	private Outcome invoicePaid(JsonNode invoice) {
		String invoiceId = text(invoice, "id");
		String reason = text(invoice, "billing_reason");
		if (!ALLOWANCE_INVOICES.contains(reason)) {
			log.info("invoice {} ({}) renews no allowance; acknowledged", invoiceId, reason);
			return Outcome.IGNORED;
		}
		String priceId = linePrice(invoice);
		Optional<Offer> plan = Optional.ofNullable(priceId).flatMap(catalog::byPriceId).filter(Offer::isPlan);
		if (plan.isEmpty()) {
			log.warn("invoice {} is for price {}, which is no plan of the catalog; acknowledged", invoiceId, priceId);
			return Outcome.IGNORED;
		}
		JsonNode details = invoice.path("parent").path("subscription_details");
		String subscription = Optional.ofNullable(text(details, "subscription")).orElse(text(invoice, "subscription"));
		String accountId = accountId(text(details.path("metadata"), StripeSessions.ACCOUNT_ID))
			.or(() -> subscriptions.accountOfCustomer(text(invoice, "customer")))
			.or(() -> subscriptions.accountOfSubscription(subscription))
			// why: unknown yet (its checkout event is still on its way): fail, so Stripe
			// retries it after the checkout linked the customer
			.orElseThrow(() -> new IllegalStateException("invoice %s: customer %s is not linked to an account yet"
				.formatted(invoiceId, text(invoice, "customer"))));
		boolean credited = ledger.purchase(ledger.account(accountId).id(), plan.get().credits(),
				"%s plan: %,d monthly credits".formatted(plan.get().name(), plan.get().credits()), invoiceId,
				payment(invoice, "amount_paid"));
		return credited ? Outcome.APPLIED : Outcome.DUPLICATE;
	}

	private Outcome subscriptionChanged(JsonNode subscription, long created, boolean deleted) {
		JsonNode item = subscription.path("items").path("data").path(0);
		String priceId = text(item.path("price"), "id");
		Optional<Offer> plan = Optional.ofNullable(priceId).flatMap(catalog::byPriceId).filter(Offer::isPlan);
		if (plan.isEmpty()) {
			log.warn("subscription {} is on price {}, which is no plan of the catalog; its state is kept",
					text(subscription, "id"), priceId);
		}
		String customer = text(subscription, "customer");
		String accountId = accountId(text(subscription.path("metadata"), StripeSessions.ACCOUNT_ID))
			.or(() -> subscriptions.accountOfCustomer(customer))
			.orElse(null);
		if (accountId != null) {
			ledger.account(accountId);
		}
		// why: API versions since 2025-03-31 keep the period on the item, older ones on
		// the subscription
		long periodEnd = item.path("current_period_end").asLong(subscription.path("current_period_end").asLong(0));
		SubscriptionState state = new SubscriptionState(text(subscription, "id"), accountId, customer,
				plan.map(Offer::id).orElse(null), priceId,
				deleted ? SubscriptionState.INACTIVE : text(subscription, "status"),
				periodEnd > 0 ? Instant.ofEpochSecond(periodEnd) : null,
				subscription.path("cancel_at_period_end").asBoolean(false), created);
		return subscriptions.apply(state) ? Outcome.APPLIED : Outcome.IGNORED;
	}

	/**
	 * The price of an invoice's first line, in the shapes old and new API versions use.
	 */
	private static String linePrice(JsonNode invoice) {
		for (JsonNode line : invoice.path("lines").path("data")) {
			String price = Optional.ofNullable(text(line.path("pricing").path("price_details"), "price"))
				.orElse(text(line.path("price"), "id"));
			if (price != null) {
				return price;
			}
		}
		return null;
	}

	private static Payment payment(JsonNode object, String amountField) {
		String currency = text(object, "currency");
		return currency == null ? null : new Payment(object.path(amountField).asLong(0), currency);
	}

	private static Optional<String> accountId(String candidate) {
		if (candidate == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(Caller.requireAccountId(candidate));
		}
		catch (IllegalArgumentException e) {
			log.warn("stripe names account '{}', which cannot be an account id; ignored", candidate);
			return Optional.empty();
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() && !value.asString().isBlank() ? value.asString() : null;
	}

	private static BillingException invalidSignature(String why) {
		return new BillingException(HttpStatus.BAD_REQUEST, "invalid_signature",
				"the Stripe signature was refused: " + why);
	}

}
