package io.leadline.app.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stripe customers linked to accounts, and each subscription's newest known state. Events
 * may arrive in any order: a state from an older event never replaces one from a newer
 * event, and a deleted subscription never comes back, so the table converges to what
 * Stripe shows.
 */
class Subscriptions {

	private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void linkCustomer(String accountId, String customerId) {
		Optional<String> linked = customerOf(accountId);
		if (linked.isEmpty()) {
			jdbc.sql("insert into billing_customers (account_id, stripe_customer_id) values (:a, :c)")
				.param("a", accountId)
				.param("c", customerId)
				.update();
		}
		else if (!linked.get().equals(customerId)) {
			log.info("account {} moves from Stripe customer {} to {}", accountId, linked.get(), customerId);
			jdbc.sql("update billing_customers set stripe_customer_id = :c where account_id = :a")
				.param("a", accountId)
				.param("c", customerId)
				.update();
		}
	}

	Optional<String> customerOf(String accountId) {
		return jdbc.sql("select stripe_customer_id from billing_customers where account_id = :a")
			.param("a", accountId)
			.query(String.class)
			.optional();
	}

	Optional<String> accountOfCustomer(String customerId) {
		return accountBy("select account_id from billing_customers where stripe_customer_id = :id", customerId);
	}

	Optional<String> accountOfSubscription(String subscriptionId) {
		return accountBy("select account_id from billing_subscriptions where subscription_id = :id", subscriptionId);
	}

	// why: Stripe events may leave the customer or subscription out; no id owns no
	// account
	private Optional<String> accountBy(String sql, String id) {
		if (id == null) {
			return Optional.empty();
		}
		return jdbc.sql(sql).param("id", id).query(String.class).optional();
	}

	/**
	 * Takes a subscription event's state unless the stored one is newer, or the
	 * subscription was deleted; the account and customer are filled in either way.
	 * @return true when the state was taken
	 */
	boolean apply(SubscriptionState state) {
		Optional<SubscriptionState> stored = find(state.subscriptionId(), true);
		if (stored.isEmpty()) {
			insert(state);
			return true;
		}
		if (isStale(state, stored.get())) {
			fillOwner(state.subscriptionId(), state.accountId(), state.customerId());
			log.info("subscription {}: state of {} is older than the one held ({}); kept {}", state.subscriptionId(),
					state.stateAt(), stored.get().stateAt(), stored.get().status());
			return false;
		}
		jdbc.sql("""
				update billing_subscriptions set account_id = coalesce(:a, account_id),
				customer_id = coalesce(:c, customer_id), plan = :plan, price_id = :price, status = :status,
				renews_at = :renews, cancel_at_period_end = :cancel, state_at = :at, updated_at = :now
				where subscription_id = :s""")
			.param("s", state.subscriptionId())
			.param("a", state.accountId())
			.param("c", state.customerId())
			.param("plan", state.plan())
			.param("price", state.priceId())
			.param("status", state.status())
			.param("renews", timestamp(state.renewsAt()))
			.param("cancel", state.cancelAtPeriodEnd())
			.param("at", state.stateAt())
			.param("now", LocalDateTime.now())
			.update();
		return true;
	}

	/**
	 * What a completed checkout tells of its subscription: whose it is, and its plan
	 * until a subscription event says more.
	 */
	void attach(String subscriptionId, String accountId, String customerId, Offer plan) {
		if (find(subscriptionId, true).isPresent()) {
			fillOwner(subscriptionId, accountId, customerId);
			return;
		}
		// why: state_at 0, so any subscription event, however early, replaces this guess
		insert(new SubscriptionState(subscriptionId, accountId, customerId, plan == null ? null : plan.id(),
				plan == null ? null : plan.priceId(), "active", null, false, 0));
	}

	/** The account's live subscription, else its newest one. */
	Optional<SubscriptionState> current(String accountId) {
		return jdbc.sql("""
				select * from billing_subscriptions where account_id = :a
				order by case when status = 'inactive' then 1 else 0 end, state_at desc, updated_at desc""")
			.param("a", accountId)
			.query(Subscriptions::state)
			.list()
			.stream()
			.findFirst();
	}

	private static boolean isStale(SubscriptionState incoming, SubscriptionState stored) {
		boolean deletedForGood = stored.isInactive() && !incoming.isInactive();
		return incoming.stateAt() < stored.stateAt() || deletedForGood;
	}

	private Optional<SubscriptionState> find(String subscriptionId, boolean lock) {
		return jdbc.sql("select * from billing_subscriptions where subscription_id = :s" + (lock ? " for update" : ""))
			.param("s", subscriptionId)
			.query(Subscriptions::state)
			.optional();
	}

	private void insert(SubscriptionState state) {
		jdbc.sql("""
				insert into billing_subscriptions (subscription_id, account_id, customer_id, plan, price_id, status,
				renews_at, cancel_at_period_end, state_at, updated_at)
				values (:s, :a, :c, :plan, :price, :status, :renews, :cancel, :at, :now)""")
			.param("s", state.subscriptionId())
			.param("a", state.accountId())
			.param("c", state.customerId())
			.param("plan", state.plan())
			.param("price", state.priceId())
			.param("status", state.status())
			.param("renews", timestamp(state.renewsAt()))
			.param("cancel", state.cancelAtPeriodEnd())
			.param("at", state.stateAt())
			.param("now", LocalDateTime.now())
			.update();
	}

	private void fillOwner(String subscriptionId, String accountId, String customerId) {
		jdbc.sql("""
				update billing_subscriptions set account_id = coalesce(account_id, :a),
				customer_id = coalesce(customer_id, :c) where subscription_id = :s""")
			.param("s", subscriptionId)
			.param("a", accountId)
			.param("c", customerId)
			.update();
	}

	private static LocalDateTime timestamp(Instant instant) {
		return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	private static SubscriptionState state(ResultSet rs, int row) throws SQLException {
		Timestamp renews = rs.getTimestamp("renews_at");
		return new SubscriptionState(rs.getString("subscription_id"), rs.getString("account_id"),
				rs.getString("customer_id"), rs.getString("plan"), rs.getString("price_id"), rs.getString("status"),
				renews == null ? null : renews.toLocalDateTime().toInstant(ZoneOffset.UTC),
				rs.getBoolean("cancel_at_period_end"), rs.getLong("state_at"));
	}

}
