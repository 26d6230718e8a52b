package io.leadline.app.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.leadline.app.billing.Billing;
import io.leadline.app.billing.BillingException;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.credits.CreditLedger;

/**
 * The billing page: the current plan and its renewal, the plans and packs with "buy"
 * buttons that go to Stripe Checkout, the customer portal, and the ledger with the
 * amounts paid. Billing itself lives in {@link Billing}, shared with the REST API.
 */
@Controller
class BillingPageController {

	private final Billing billing;

	private final CreditLedger ledger;

	BillingPageController(Billing billing, CreditLedger ledger) {
		this.billing = billing;
		this.ledger = ledger;
	}

	@GetMapping(BillingLink.BILLING)
	String billing(@RequestParam(required = false) String checkout, @AuthenticationPrincipal LocalUser user,
			Model model) {
		model.addAttribute("billing", billing.overview(user.accountId()));
		model.addAttribute("ledger", ledger.entries(user.accountId(), 0, 50));
		if ("success".equals(checkout)) {
			model.addAttribute("notice",
					"Thank you: your payment went through. Credits appear here as soon as Stripe confirms it.");
		}
		else if ("cancelled".equals(checkout)) {
			model.addAttribute("notice", "Checkout was cancelled; nothing was charged.");
		}
		return "billing";
	}

	@PostMapping(BillingLink.BILLING + "/checkout")
	String checkout(@RequestParam String offer, @AuthenticationPrincipal LocalUser user, RedirectAttributes flash) {
		try {
			return "redirect:" + billing.checkout(user.accountId(), user.email(), offer);
		}
		catch (BillingException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:" + BillingLink.BILLING;
		}
	}

	@PostMapping(BillingLink.BILLING + "/portal")
	String portal(@AuthenticationPrincipal LocalUser user, RedirectAttributes flash) {
		try {
			return "redirect:" + billing.portal(user.accountId());
		}
		catch (BillingException e) {
			flash.addFlashAttribute("error", e.getMessage());
			return "redirect:" + BillingLink.BILLING;
		}
	}

}
