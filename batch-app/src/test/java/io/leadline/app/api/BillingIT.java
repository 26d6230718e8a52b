package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Self-serve credits through Stripe: Checkout and portal sessions against a loopback fake
 * of Stripe's API, and webhook events in Stripe's format, signed here exactly as Stripe
 * signs them.
 */
class BillingIT extends ApiTestBase {

	private final long now = Instant.now().getEpochSecond();

	@Test
	void checkoutForAPlanOpensASubscriptionSessionForTheCallersAccount() {
		String account = anAccount("pia");
		String token = TOKENS.user(account);

		var reply = api.postJson("/api/billing/checkout", token, Map.of("plan", "growth"));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().path("url").asString()).startsWith("https://checkout.stripe.com/c/pay/cs_test_");
		var call = STRIPE.lastCall("/v1/checkout/sessions", "client_reference_id", account);
		assertThat(call.authorization()).isEqualTo("Bearer " + STRIPE_KEY);
		assertThat(call.form()).containsEntry("mode", "subscription")
			.containsEntry("line_items[0][price]", "price_growth")
			.containsEntry("line_items[0][quantity]", "1")
			.containsEntry("metadata[account_id]", account)
			.containsEntry("subscription_data[metadata][account_id]", account)
			.containsEntry("success_url",
					"https://app.leadline.test/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}")
			.containsEntry("cancel_url", "https://app.leadline.test/billing?checkout=cancelled");
	}

	@Test
	void checkoutForAPackOpensAPaymentSessionThatMakesACustomer() {
		String account = anAccount("paco");

		var reply = api.postJson("/api/billing/checkout", TOKENS.user(account), Map.of("pack", "pack-5000"));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(STRIPE.lastCall("/v1/checkout/sessions", "client_reference_id", account).form())
			.containsEntry("mode", "payment")
			.containsEntry("line_items[0][price]", "price_pack_5000")
			.containsEntry("customer_creation", "always")
			.containsEntry("metadata[offer]", "pack-5000");
	}

	@Test
	void refusesAnOfferNotInTheCatalog() {
		var reply = api.postJson("/api/billing/checkout", TOKENS.user(anAccount("rex")), Map.of("plan", "platinum"));

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().path("code").asString()).isEqualTo("unknown_offer");
	}

	@Test
	void showsTheCatalogAndTheFreePlanBeforeAnyPurchase() {
		var overview = api.get("/api/billing", TOKENS.user(anAccount("cat"))).json();

		assertThat(overview.path("enabled").asBoolean()).isTrue();
		assertThat(overview.path("plans").findValuesAsString("id")).containsExactly("starter", "growth", "pro");
		assertThat(overview.path("plans").path(1).path("credits").asLong()).isEqualTo(3000);
		assertThat(overview.path("plans").path(1).path("price").decimalValue()).isEqualByComparingTo("79");
		assertThat(overview.path("packs").findValuesAsString("id")).containsExactly("pack-1000", "pack-5000");
		assertThat(overview.path("account").path("plan").asString()).isEqualTo("free");
		assertThat(overview.path("account").path("subscriptionStatus").asString()).isEqualTo("none");
	}

	@Test
	void aPackPurchaseCreditsOnceWithTheAmountPaidAndTheSession() {
		String account = anAccount("pam");
		String token = TOKENS.user(account);
		var paid = StripeEvent.packCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account,
				StripeEvent.anId("cus_"), "pack-1000", 3500);

		var first = deliver(paid);
		var replay = deliver(paid);

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.json().path("outcome").asString()).isEqualTo("applied");
		assertThat(replay.status()).isEqualTo(200);
		assertThat(replay.json().path("outcome").asString()).isEqualTo("duplicate");
		assertThat(balance(token)).isEqualTo(1000).isEqualTo(ledgerSum(token));
		JsonNode purchase = purchases(token).get(0);
		assertThat(purchases(token)).hasSize(1);
		assertThat(purchase.path("delta").asLong()).isEqualTo(1000);
		assertThat(purchase.path("reference").asString()).startsWith("cs_test_");
		assertThat(purchase.path("paid").path("amount").asLong()).isEqualTo(3500);
		assertThat(purchase.path("paid").path("currency").asString()).isEqualTo("usd");
	}

	@Test
	void invoicePaidDeliveredThreeTimesAddsTheMonthlyAllowanceOnce() {
		String account = anAccount("ivy");
		String token = TOKENS.user(account);
		String customer = StripeEvent.anId("cus_");
		String subscription = StripeEvent.anId("sub_1");
		deliver(StripeEvent.planCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account, customer, subscription,
				"growth", 7900));
		var invoice = StripeEvent.invoicePaid(now + 1, StripeEvent.anId("in_1"), account, customer, subscription,
				"price_growth", 7900, "subscription_create");

		List<String> outcomes = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			var reply = deliver(invoice);
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			outcomes.add(reply.json().path("outcome").asString());
		}

		assertThat(outcomes).containsExactly("applied", "duplicate", "duplicate");
		assertThat(balance(token)).isEqualTo(3000).isEqualTo(ledgerSum(token));
		assertThat(purchases(token)).singleElement()
			.satisfies(entry -> assertThat(entry.path("paid").path("amount").asLong()).isEqualTo(7900));
	}

	@Test
	void aSecondEventForAnInvoiceAlreadyPaidCreditsNothing() {
		String account = anAccount("ida");
		String token = TOKENS.user(account);
		String invoice = StripeEvent.anId("in_1");
		String subscription = StripeEvent.anId("sub_1");

		deliver(StripeEvent.invoicePaid(now, invoice, account, StripeEvent.anId("cus_"), subscription, "price_pro",
				19900, "subscription_cycle"));
		var other = deliver(StripeEvent.invoicePaid(now + 5, invoice, account, StripeEvent.anId("cus_"), subscription,
				"price_pro", 19900, "subscription_cycle"));

		assertThat(other.status()).isEqualTo(200);
		assertThat(balance(token)).isEqualTo(10000).isEqualTo(ledgerSum(token));
	}

	@Test
	void subscriptionUpdatedBeforeCheckoutCompletedStillEndsInTheRightPlan() {
		String account = anAccount("otto");
		String token = TOKENS.user(account);
		String customer = StripeEvent.anId("cus_");
		String subscription = StripeEvent.anId("sub_1");
		long renewal = now + 30 * 86400;

		deliver(StripeEvent.subscription("customer.subscription.updated", now + 20, subscription, account, customer,
				"price_pro", "active", renewal));
		deliver(StripeEvent.planCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account, customer, subscription,
				"growth", 7900));
		deliver(StripeEvent.subscription("customer.subscription.updated", now + 10, subscription, account, customer,
				"price_starter", "past_due", renewal - 86400));

		var profile = api.get("/api/account", token).json();
		assertThat(profile.path("plan").asString()).isEqualTo("pro");
		assertThat(profile.path("planName").asString()).isEqualTo("Pro");
		assertThat(profile.path("subscriptionStatus").asString()).isEqualTo("active");
		assertThat(Instant.parse(profile.path("renewalDate").asString())).isEqualTo(Instant.ofEpochSecond(renewal));
		assertThat(profile.path("monthlyCredits").asLong()).isEqualTo(10000);
		assertThat(profile.path("stripeCustomerId").asString()).isEqualTo(customer);
	}

	@Test
	void aDeletedSubscriptionIsInactiveAndKeepsTheCreditsItGranted() {
		String account = anAccount("del");
		String token = TOKENS.user(account);
		String customer = StripeEvent.anId("cus_");
		String subscription = StripeEvent.anId("sub_1");
		deliver(StripeEvent.planCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account, customer, subscription,
				"starter", 2900));
		deliver(StripeEvent.invoicePaid(now + 1, StripeEvent.anId("in_1"), account, customer, subscription,
				"price_starter", 2900, "subscription_create"));

		deliver(StripeEvent.subscription("customer.subscription.deleted", now + 100, subscription, account, customer,
				"price_starter", "canceled", now + 100));
		deliver(StripeEvent.subscription("customer.subscription.updated", now + 50, subscription, account, customer,
				"price_starter", "active", now + 30 * 86400));

		var profile = api.get("/api/account", token).json();
		assertThat(profile.path("subscriptionStatus").asString()).isEqualTo("inactive");
		assertThat(profile.path("plan").asString()).isEqualTo("free");
		assertThat(balance(token)).isEqualTo(1000).isEqualTo(ledgerSum(token));
	}

	@Test
	void theCustomerPortalOpensOnceTheAccountHasAStripeCustomer() {
		String account = anAccount("poe");
		String token = TOKENS.user(account);
		String customer = StripeEvent.anId("cus_");

		var before = api.post("/api/billing/portal", token);
		deliver(StripeEvent.packCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account, customer, "pack-1000",
				3500));
		var after = api.post("/api/billing/portal", token);

		assertThat(before.status()).isEqualTo(409);
		assertThat(before.json().path("code").asString()).isEqualTo("no_customer");
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(after.json().path("url").asString()).startsWith("https://billing.stripe.com/p/session/");
		assertThat(STRIPE.lastCall("/v1/billing_portal/sessions", "customer", customer).form())
			.containsEntry("return_url", "https://app.leadline.test/billing");
	}

	@Test
	void aBadOrStaleSignatureIsRefusedAndChangesNothing() {
		String account = anAccount("sig");
		String token = TOKENS.user(account);
		var paid = StripeEvent.packCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account,
				StripeEvent.anId("cus_"), "pack-1000", 3500);
		long tenMinutesAgo = Instant.now().minusSeconds(600).getEpochSecond();

		var wrongSecret = api.stripeWebhook(paid.payload(), paid.signedWith("whsec_someoneElsesSecret"));
		var stale = api.stripeWebhook(paid.payload(), paid.signature(WEBHOOK_SECRET, tenMinutesAgo));
		var unsigned = api.stripeWebhook(paid.payload(), null);
		var tampered = api.stripeWebhook(paid.payload().replace("3500", "350000"), paid.signedWith(WEBHOOK_SECRET));

		for (var refused : List.of(wrongSecret, stale, unsigned, tampered)) {
			assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
			assertThat(refused.json().path("code").asString()).isEqualTo("invalid_signature");
		}
		assertThat(balance(token)).isZero();
		assertThat(deliver(paid).json().path("outcome").asString()).as("the refused deliveries recorded nothing")
			.isEqualTo("applied");
		assertThat(balance(token)).isEqualTo(1000);
	}

	@Test
	void twentyConcurrentDeliveriesOfTheSameEventCreditOnce() throws Exception {
		String account = anAccount("zed");
		String token = TOKENS.user(account);
		var paid = StripeEvent.packCheckoutCompleted(now, StripeEvent.anId("cs_test_"), account,
				StripeEvent.anId("cus_"), "pack-1000", 3500);
		CountDownLatch gate = new CountDownLatch(1);

		List<ApiClient.Reply> replies = new ArrayList<>();
		ExecutorService stripe = Executors.newFixedThreadPool(20);
		try {
			List<Future<ApiClient.Reply>> pending = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				pending.add(stripe.submit(() -> {
					gate.await();
					return deliver(paid);
				}));
			}
			gate.countDown();
			for (Future<ApiClient.Reply> reply : pending) {
				replies.add(reply.get());
			}
		}
		finally {
			stripe.shutdownNow();
		}

		assertThat(replies).extracting(ApiClient.Reply::status).containsOnly(200);
		assertThat(replies).filteredOn(reply -> reply.json().path("outcome").asString().equals("applied")).hasSize(1);
		assertThat(balance(token)).isEqualTo(1000).isEqualTo(ledgerSum(token));
		assertThat(purchases(token)).hasSize(1);
	}

	@Test
	void acknowledgesEventTypesAndPricesItDoesNotUse() {
		String account = anAccount("unk");
		String token = TOKENS.user(account);

		var refund = deliver(StripeEvent.other("charge.refunded", now));
		var unknownPrice = deliver(StripeEvent.invoicePaid(now, StripeEvent.anId("in_1"), account,
				StripeEvent.anId("cus_"), StripeEvent.anId("sub_1"), "price_retired_2019", 4900, "subscription_cycle"));

		assertThat(refund.status()).isEqualTo(200);
		assertThat(refund.json().path("outcome").asString()).isEqualTo("ignored");
		assertThat(unknownPrice.status()).isEqualTo(200);
		assertThat(unknownPrice.json().path("outcome").asString()).isEqualTo("ignored");
		assertThat(balance(token)).isZero();
	}

	private ApiClient.Reply deliver(StripeEvent event) {
		return api.stripeWebhook(event.payload(), event.signedWith(WEBHOOK_SECRET));
	}

	private List<JsonNode> purchases(String token) {
		List<JsonNode> purchases = new ArrayList<>();
		for (JsonNode entry : api.get("/api/account/ledger?size=500", token).json()) {
			if (entry.path("kind").asString().equals("PURCHASE")) {
				purchases.add(entry);
			}
		}
		return purchases;
	}

}
