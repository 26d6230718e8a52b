package io.leadline.app.billing;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;

import io.leadline.jobs.credits.Account;
import io.leadline.jobs.credits.CreditLedger;

/**
 * What an account can see and do about paying: its profile, the catalog, Checkout for a
 * plan or pack, and the customer portal. Shared by the REST API and the web pages.
 */
public class Billing {

	private final BillingProperties properties;

	private final Catalog catalog;

	private final Subscriptions subscriptions;

	private final StripeSessions sessions;

	private final CreditLedger ledger;

	Billing(BillingProperties properties, Catalog catalog, Subscriptions subscriptions, StripeSessions sessions,
			CreditLedger ledger) {
		this.properties = properties;
		this.catalog = catalog;
		this.subscriptions = subscriptions;
		this.sessions = sessions;
		this.ledger = ledger;
	}

	/**
	 * Billing as an account sees it.
	 *
	 * @param message why billing is off; null when on
	 */
	public record Overview(boolean enabled, String message, AccountProfile account, List<Offer> plans,
			List<Offer> packs) {
	}

	public Overview overview(String accountId) {
		String message = properties.enabled() ? null : BillingException.disabled().getMessage();
		return new Overview(properties.enabled(), message, profile(accountId), catalog.plans(), catalog.packs());
	}

	public AccountProfile profile(String accountId) {
		Account account = ledger.account(accountId);
		String customer = subscriptions.customerOf(accountId).orElse(null);
		Optional<SubscriptionState> current = subscriptions.current(accountId);
		if (current.isEmpty()) {
			return new AccountProfile(account.email(), AccountProfile.FREE, "Free", "none", null, false, 0, customer);
		}
		SubscriptionState state = current.get();
		Optional<Offer> plan = Optional.ofNullable(state.plan()).flatMap(catalog::plan);
		if (state.isInactive()) {
			return new AccountProfile(account.email(), AccountProfile.FREE, "Free", state.status(), null, false, 0,
					customer);
		}
		return new AccountProfile(account.email(), plan.map(Offer::id).orElse(state.plan()),
				plan.map(Offer::name).orElse(state.plan()), state.status(), state.renewsAt(), state.cancelAtPeriodEnd(),
				plan.map(Offer::credits).orElse(0L), customer);
	}

	/**
	 * Opens Checkout for a plan or a pack of the catalog.
	 * @return the Checkout URL
	 */
	public String checkout(String accountId, String email, String offerId) {
		requireEnabled();
		Offer offer = catalog.byId(offerId)
			.orElseThrow(() -> new BillingException(HttpStatus.BAD_REQUEST, "unknown_offer",
					"no plan or pack '%s'; the catalog has %s".formatted(offerId, offerIds())));
		ledger.account(accountId);
		return sessions.checkout(accountId, offer, subscriptions.customerOf(accountId).orElse(null), email);
	}

	/** Opens the customer portal; needs a first purchase, which made the customer. */
	public String portal(String accountId) {
		requireEnabled();
		String customer = subscriptions.customerOf(accountId)
			.orElseThrow(() -> new BillingException(HttpStatus.CONFLICT, "no_customer",
					"account " + accountId + " has bought nothing yet; choose a plan or a pack first"));
		return sessions.portal(customer);
	}

	public Catalog catalog() {
		return catalog;
	}

	public boolean enabled() {
		return properties.enabled();
	}

	private void requireEnabled() {
		if (!properties.enabled()) {
			throw BillingException.disabled();
		}
	}

	private List<String> offerIds() {
		return java.util.stream.Stream.concat(catalog.plans().stream(), catalog.packs().stream())
			.map(Offer::id)
			.toList();
	}

}
