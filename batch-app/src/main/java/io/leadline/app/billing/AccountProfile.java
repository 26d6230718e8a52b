package io.leadline.app.billing;

import java.time.Instant;

/**
 * Who an account is and what it pays for.
 *
 * @param email from the token or the web sign-in; null when never given
 * @param plan the plan id ({@code free} without a live subscription)
 * @param subscriptionStatus Stripe's status of the subscription ({@code active},
 * {@code past_due}...), {@code inactive} once deleted, {@code none} without one
 * @param renewalDate when the current period ends (the next allowance); null without one
 * @param monthlyCredits the plan's monthly allowance; 0 on the free plan
 */
public record AccountProfile(String email, String plan, String planName, String subscriptionStatus, Instant renewalDate,
		boolean cancelAtPeriodEnd, long monthlyCredits, String stripeCustomerId) {

	static final String FREE = "free";

}
