package io.leadline.app.billing;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Stripe billing: keys, where Stripe sends customers back to, and what is for sale.
 * Billing is off while the secret key is unset; admin grants work either way.
 *
 * @param secretKey {@code LEADLINE_STRIPE_SECRET_KEY}
 * @param webhookSecret {@code LEADLINE_STRIPE_WEBHOOK_SECRET}, the endpoint's signing
 * secret ({@code whsec_...})
 * @param apiUrl {@code LEADLINE_STRIPE_API_URL}: Stripe's API, or a loopback fake in
 * tests
 * @param publicUrl {@code LEADLINE_PUBLIC_URL}: where customers return after Checkout and
 * the portal
 * @param webhookTolerance how old a signed webhook may be before it is refused as a
 * replay
 * @param freePlanCredits credits of a new account while billing is on and
 * {@code LEADLINE_STARTING_CREDITS} is unset
 * @param plans monthly plans by id (starter, growth, pro), in display order
 * @param packs one-off credit packs by id, in display order
 */
@Validated
@ConfigurationProperties("leadline.billing")
public record BillingProperties(String secretKey, String webhookSecret,
		@DefaultValue("https://api.stripe.com") @NotBlank String apiUrl,
		@DefaultValue("http://localhost:8080") @NotBlank String publicUrl,
		@DefaultValue("5m") @NotNull Duration webhookTolerance, @DefaultValue("25") @Min(0) long freePlanCredits,
		@Valid Map<String, OfferSettings> plans, @Valid Map<String, OfferSettings> packs) {

	public BillingProperties {
		plans = plans == null ? Map.of() : plans;
		packs = packs == null ? Map.of() : packs;
	}

	/**
	 * One plan or pack as configured.
	 *
	 * @param priceId the Stripe price ({@code price_...}); an offer without one is not
	 * sold
	 * @param price monthly price of a plan, price of a pack, in {@code currency}
	 * @param credits a plan's monthly allowance, a pack's one-off credits
	 */
	public record OfferSettings(@NotBlank String name, String priceId, @NotNull BigDecimal price,
			@DefaultValue("usd") String currency, @Min(1) long credits) {
	}

	// why: settings reach logs and error messages; Stripe's keys never do
	@Override
	public String toString() {
		return "BillingProperties[secretKey=%s, webhookSecret=%s, apiUrl=%s, publicUrl=%s, plans=%s, packs=%s]"
			.formatted(masked(secretKey), masked(webhookSecret), apiUrl, publicUrl, plans.keySet(), packs.keySet());
	}

	private static String masked(String secret) {
		return secret == null || secret.isBlank() ? "" : "****";
	}

	/** Billing runs only with a secret key. */
	public boolean enabled() {
		return secretKey != null && !secretKey.isBlank();
	}

	boolean verifiesWebhooks() {
		return webhookSecret != null && !webhookSecret.isBlank();
	}

}
