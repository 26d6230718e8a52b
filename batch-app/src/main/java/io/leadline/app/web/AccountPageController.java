package io.leadline.app.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.leadline.app.notify.Notifications;
import io.leadline.app.notify.Webhook;
import io.leadline.app.security.LocalUser;
import io.leadline.app.security.PersonalTokens;
import io.leadline.jobs.credits.CreditLedger;

/**
 * The account page: who you are, your ledger, your personal API tokens (a new one is
 * shown once) and your job-ended webhook (its secret is shown once).
 */
@Controller
class AccountPageController {

	private final PersonalTokens tokens;

	private final CreditLedger ledger;

	private final Notifications notifications;

	AccountPageController(PersonalTokens tokens, CreditLedger ledger, Notifications notifications) {
		this.tokens = tokens;
		this.ledger = ledger;
		this.notifications = notifications;
	}

	@GetMapping("/account")
	String account(@AuthenticationPrincipal LocalUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user.accountId()));
		model.addAttribute("ledger", ledger.entries(user.accountId(), 0, 50));
		model.addAttribute("webhook", notifications.webhook(user.accountId()).orElse(null));
		return "account";
	}

	@PostMapping("/account/tokens")
	String create(@RequestParam String name, @AuthenticationPrincipal LocalUser user, RedirectAttributes flash) {
		try {
			PersonalTokens.Created created = tokens.create(user.accountId(), name);
			// why: a flash attribute lives for one redirect, so the token is shown once
			flash.addFlashAttribute("newToken", created.token());
			flash.addFlashAttribute("newTokenName", created.info().name());
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", WebErrors.of(e).sentence());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revoke(@PathVariable UUID id, @AuthenticationPrincipal LocalUser user, RedirectAttributes flash) {
		flash.addFlashAttribute("notice", tokens.revoke(user.accountId(), id)
				? "The token was revoked; the API no longer accepts it." : "That token was already revoked.");
		return "redirect:/account";
	}

	@PostMapping("/account/notifications")
	String setWebhook(@RequestParam String url, @AuthenticationPrincipal LocalUser user, RedirectAttributes flash) {
		try {
			Webhook.Created created = notifications.set(user.accountId(), url);
			flash.addFlashAttribute("newWebhookSecret", created.secret());
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", WebErrors.of(e).sentence());
		}
		return "redirect:/account";
	}

	@PostMapping("/account/notifications/remove")
	String removeWebhook(@AuthenticationPrincipal LocalUser user, RedirectAttributes flash) {
		flash.addFlashAttribute("notice", notifications.remove(user.accountId())
				? "The webhook was removed; job ends are no longer sent." : "There was no webhook to remove.");
		return "redirect:/account";
	}

}
