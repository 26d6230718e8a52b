package io.leadline.app.web;

import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.security.LocalUser;
import io.leadline.app.security.LocalUsers;
import io.leadline.jobs.credits.CreditLedger;

/**
 * Admins only ({@code /admin/**}): accounts with balances, new accounts, credit grants,
 * and every job with its owner (stop/restart/abandon go through the job actions).
 */
@Controller
class AdminPageController {

	static final int JOBS_SHOWN = 100;

	private final LocalUsers users;

	private final CreditLedger ledger;

	private final JobCatalog catalog;

	AdminPageController(LocalUsers users, CreditLedger ledger, JobCatalog catalog) {
		this.users = users;
		this.ledger = ledger;
		this.catalog = catalog;
	}

	public record AccountRow(String email, String accountId, boolean admin, long balance) {
	}

	@GetMapping("/admin")
	String admin(Model model) {
		List<AccountRow> accounts = users.all()
			.stream()
			.map(user -> new AccountRow(user.email(), user.accountId(), user.admin(),
					ledger.account(user.accountId()).balance()))
			.toList();
		model.addAttribute("accounts", accounts);
		model.addAttribute("jobs",
				catalog.page(Optional.empty(), Optional.empty(), 0, JOBS_SHOWN).stream().map(JobCard::of).toList());
		return "admin";
	}

	@PostMapping("/admin/users")
	String addUser(@RequestParam String email, @RequestParam String password,
			@RequestParam(defaultValue = "false") boolean admin, RedirectAttributes flash) {
		try {
			LocalUser user = users.create(email, password, admin);
			flash.addFlashAttribute("notice", "Account " + user.email() + " was created.");
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", WebErrors.of(e).sentence());
		}
		return "redirect:/admin";
	}

	@PostMapping("/admin/credits")
	String grant(@RequestParam String accountId, @RequestParam long amount, @RequestParam String reason,
			@AuthenticationPrincipal LocalUser admin, RedirectAttributes flash) {
		try {
			if (amount <= 0) {
				throw new IllegalArgumentException("the amount must be a positive number of credits");
			}
			if (reason.isBlank()) {
				throw new IllegalArgumentException("say why the credits are granted");
			}
			long balance = ledger.grant(accountId, amount, reason.strip() + " (by " + admin.accountId() + ")")
				.balance();
			flash.addFlashAttribute("notice",
					"Granted %,d credits to %s; the balance is now %,d.".formatted(amount, accountId, balance));
		}
		catch (IllegalArgumentException e) {
			flash.addFlashAttribute("error", WebErrors.of(e).sentence());
		}
		return "redirect:/admin";
	}

}
