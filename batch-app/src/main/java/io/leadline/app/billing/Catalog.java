package io.leadline.app.billing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plans and packs for sale, from configuration. An offer whose Stripe price id is
 * unset is left out (and logged), so a half-configured catalog sells only what Stripe
 * knows.
 */
public final class Catalog {

	private static final Logger log = LoggerFactory.getLogger(Catalog.class);

	private final List<Offer> plans;

	private final List<Offer> packs;

	Catalog(List<Offer> plans, List<Offer> packs) {
		this.plans = List.copyOf(plans);
		this.packs = List.copyOf(packs);
	}

	static Catalog of(BillingProperties properties) {
		return new Catalog(offers(properties.plans(), Offer.Kind.PLAN), offers(properties.packs(), Offer.Kind.PACK));
	}

	public List<Offer> plans() {
		return plans;
	}

	public List<Offer> packs() {
		return packs;
	}

	Optional<Offer> plan(String id) {
		return plans.stream().filter(offer -> offer.id().equals(id)).findFirst();
	}

	Optional<Offer> pack(String id) {
		return packs.stream().filter(offer -> offer.id().equals(id)).findFirst();
	}

	Optional<Offer> byId(String id) {
		return plan(id).or(() -> pack(id));
	}

	Optional<Offer> byPriceId(String priceId) {
		return plans.stream()
			.filter(offer -> offer.priceId().equals(priceId))
			.findFirst()
			.or(() -> packs.stream().filter(offer -> offer.priceId().equals(priceId)).findFirst());
	}

	private static List<Offer> offers(Map<String, BillingProperties.OfferSettings> configured, Offer.Kind kind) {
		List<Offer> offers = new ArrayList<>();
		configured.forEach((id, settings) -> {
			if (settings.priceId() == null || settings.priceId().isBlank()) {
				log.info("billing: {} '{}' has no Stripe price id and is not for sale", kind.name().toLowerCase(), id);
				return;
			}
			offers.add(new Offer(id, kind, settings.name(), settings.priceId(), settings.price(),
					settings.currency() == null ? "usd" : settings.currency(), settings.credits()));
		});
		return offers;
	}

}
