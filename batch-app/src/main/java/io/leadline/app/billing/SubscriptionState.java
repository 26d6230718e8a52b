package io.leadline.app.billing;

import java.time.Instant;

/**
 * A Stripe subscription as the newest event seen shows it.
 *
 * @param accountId null until an event or the checkout names the account
 * @param plan the catalog's plan id for the subscription's price; null for a price the
 * catalog does not know
 * @param status Stripe's status ({@code active}, {@code past_due}...), or
 * {@code inactive} once deleted
 * @param renewsAt end of the current period; null when unknown
 * @param stateAt the {@code created} time (epoch seconds) of the event this state came
 * from; 0 for what checkout alone told
 */
record SubscriptionState(String subscriptionId, String accountId, String customerId, String plan, String priceId,
		String status, Instant renewsAt, boolean cancelAtPeriodEnd, long stateAt) {

	static final String INACTIVE = "inactive";

	boolean isInactive() {
		return INACTIVE.equals(status);
	}

}
