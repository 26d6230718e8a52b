package io.leadline.app.billing;

import org.springframework.http.HttpStatus;

import com.stripe.StripeClient;
import com.stripe.exception.StripeException;
import com.stripe.param.checkout.SessionCreateParams;

/**
 * Creates Stripe Checkout and customer-portal sessions through Stripe's API (or the
 * loopback fake {@code LEADLINE_STRIPE_API_URL} points at). Every session carries the
 * account id, so the webhook can tell whose payment it is whatever order events arrive
 * in.
 */
class StripeSessions {

	/** Metadata key of the account on sessions and subscriptions. */
	static final String ACCOUNT_ID = "account_id";

	/** Metadata key of the plan or pack bought. */
	static final String OFFER = "offer";

	private final StripeClient client;

	private final BillingProperties properties;

	StripeSessions(BillingProperties properties) {
		this.properties = properties;
		this.client = properties.enabled() ? StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setApiBase(properties.apiUrl())
			.setMaxNetworkRetries(2)
			.build() : null;
	}

	/**
	 * A Checkout Session for one offer: subscription mode for a plan, payment mode for a
	 * pack.
	 * @param customerId the account's Stripe customer, or null before its first purchase
	 * @param email prefilled on Checkout for a first purchase; may be null
	 * @return the Checkout URL to send the customer to
	 */
	String checkout(String accountId, Offer offer, String customerId, String email) {
		SessionCreateParams.Builder params = SessionCreateParams.builder()
			.setMode(offer.isPlan() ? SessionCreateParams.Mode.SUBSCRIPTION : SessionCreateParams.Mode.PAYMENT)
			.setClientReferenceId(accountId)
			.setSuccessUrl(properties.publicUrl() + "/billing?checkout=success&session_id={CHECKOUT_SESSION_ID}")
			.setCancelUrl(properties.publicUrl() + "/billing?checkout=cancelled")
			.addLineItem(SessionCreateParams.LineItem.builder().setPrice(offer.priceId()).setQuantity(1L).build())
			.putMetadata(ACCOUNT_ID, accountId)
			.putMetadata(OFFER, offer.id());
		if (offer.isPlan()) {
			// why: the subscription (and so its invoices) carries the account itself, so
			// its events find the account even when they arrive before the checkout event
			params.setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
				.putMetadata(ACCOUNT_ID, accountId)
				.putMetadata(OFFER, offer.id())
				.build());
		}
		if (customerId != null) {
			params.setCustomer(customerId);
		}
		else {
			if (email != null) {
				params.setCustomerEmail(email);
			}
			if (!offer.isPlan()) {
				// why: payment mode makes no customer by default; the portal needs one
				params.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS);
			}
		}
		try {
			return client().v1().checkout().sessions().create(params.build()).getUrl();
		}
		catch (StripeException e) {
			throw unreachable("Checkout", e);
		}
	}

	/** A customer-portal session (cards, invoices, cancellation); returns its URL. */
	String portal(String customerId) {
		var params = com.stripe.param.billingportal.SessionCreateParams.builder()
			.setCustomer(customerId)
			.setReturnUrl(properties.publicUrl() + "/billing")
			.build();
		try {
			return client().v1().billingPortal().sessions().create(params).getUrl();
		}
		catch (StripeException e) {
			throw unreachable("the customer portal", e);
		}
	}

	private StripeClient client() {
		if (client == null) {
			throw BillingException.disabled();
		}
		return client;
	}

	private static BillingException unreachable(String what, StripeException e) {
		return new BillingException(HttpStatus.BAD_GATEWAY, "stripe_error",
				"Stripe refused to open " + what + ": " + e.getMessage());
	}

}
