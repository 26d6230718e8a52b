package io.leadline.app.billing;

import java.nio.charset.StandardCharsets;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import io.leadline.app.security.Caller;

/**
 * Billing over REST: the overview, Checkout, the portal, and Stripe's webhook (signed by
 * Stripe, so no bearer token).
 */
@RestController
class BillingController {

	private final Billing billing;

	private final StripeWebhook webhook;

	BillingController(Billing billing, StripeWebhook webhook) {
		this.billing = billing;
		this.webhook = webhook;
	}

	/** Exactly one of a plan id or a pack id. */
	record CheckoutRequest(String plan, String pack) {
	}

	record Redirect(String url) {
	}

	record Received(boolean received, String outcome) {
	}

	@GetMapping("/api/billing")
	Billing.Overview overview(@AuthenticationPrincipal Jwt jwt) {
		return billing.overview(Caller.of(jwt).accountId());
	}

	@PostMapping("/api/billing/checkout")
	Redirect checkout(@RequestBody CheckoutRequest request, @AuthenticationPrincipal Jwt jwt) {
		boolean plan = request.plan() != null && !request.plan().isBlank();
		boolean pack = request.pack() != null && !request.pack().isBlank();
		if (plan == pack) {
			throw new IllegalArgumentException("name exactly one of 'plan' or 'pack'");
		}
		return new Redirect(billing.checkout(Caller.of(jwt).accountId(), jwt.getClaimAsString("email"),
				plan ? request.plan() : request.pack()));
	}

	@PostMapping("/api/billing/portal")
	Redirect portal(@AuthenticationPrincipal Jwt jwt) {
		return new Redirect(billing.portal(Caller.of(jwt).accountId()));
	}

	// why: the exact bytes Stripe signed; a body converted to an object and back would
	// not
	// verify
	@PostMapping("/api/billing/stripe/webhook")
	Received webhook(@RequestBody byte[] body,
			@RequestHeader(name = "Stripe-Signature", required = false) String signature) {
		return new Received(true,
				webhook.receive(new String(body, StandardCharsets.UTF_8), signature).name().toLowerCase());
	}

}
