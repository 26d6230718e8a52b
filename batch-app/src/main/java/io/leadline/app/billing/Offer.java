package io.leadline.app.billing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Something for sale: a monthly plan or a one-off credit pack, backed by a Stripe price.
 *
 * @param price a plan's monthly price or a pack's price, in {@code currency}
 * @param credits a plan's monthly allowance, a pack's credits
 */
public record Offer(String id, Kind kind, String name, String priceId, BigDecimal price, String currency,
		long credits) {

	public enum Kind {

		PLAN, PACK

	}

	public Offer {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(priceId, "priceId of " + id);
		if (credits < 1) {
			throw new IllegalArgumentException("offer " + id + " must give at least 1 credit, gives " + credits);
		}
	}

	public boolean isPlan() {
		return kind == Kind.PLAN;
	}

}
