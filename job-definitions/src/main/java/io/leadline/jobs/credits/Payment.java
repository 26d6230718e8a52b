package io.leadline.jobs.credits;

import java.util.Locale;

/**
 * Money paid for credits, as the payment provider reports it.
 *
 * @param amount in the currency's smallest unit (cents for USD)
 * @param currency ISO 4217 code in lower case, e.g. {@code usd}
 */
public record Payment(long amount, String currency) {

	public Payment {
		if (amount < 0) {
			throw new IllegalArgumentException("a payment cannot be negative: " + amount);
		}
		if (currency == null || currency.length() != 3) {
			throw new IllegalArgumentException("a currency is a 3-letter ISO code, was " + currency);
		}
		currency = currency.toLowerCase(Locale.ROOT);
	}

}
