package io.leadline.app.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobView;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.enrichment.RowStatus;

/**
 * The dashboard: balance, this month's personalized rows and the time they saved, recent
 * jobs and the ledger; at a zero balance, where to get credits.
 */
@Controller
class HomeController {

	private static final int JOBS_SCANNED_FOR_MONTH = 200;

	private final JobCatalog catalog;

	private final CreditLedger ledger;

	private final WebProperties web;

	private final BillingLink billing;

	HomeController(JobCatalog catalog, CreditLedger ledger, WebProperties web, BillingLink billing) {
		this.catalog = catalog;
		this.ledger = ledger;
		this.web = web;
		this.billing = billing;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal LocalUser user, Model model) {
		List<JobView> jobs = catalog.page(Optional.of(user.accountId()), Optional.empty(), 0, JOBS_SCANNED_FOR_MONTH);
		LocalDate monthStart = LocalDate.now().withDayOfMonth(1);
		long personalized = jobs.stream()
			.filter(job -> job.started() != null && !job.started().toLocalDate().isBefore(monthStart))
			.mapToLong(job -> job.rows().of(RowStatus.OK))
			.sum();
		model.addAttribute("personalized", personalized);
		model.addAttribute("timeSaved", timeSaved(personalized));
		model.addAttribute("minutesPerRow", web.minutesPerRow());
		model.addAttribute("jobs", jobs.stream().limit(5).map(JobCard::of).toList());
		model.addAttribute("ledger", ledger.entries(user.accountId(), 0, 10));
		model.addAttribute("billingUrl", billing.url().orElse(null));
		model.addAttribute("creditsContact", web.creditsContact());
		return "home";
	}

	private String timeSaved(long rows) {
		long minutes = Math.round(rows * web.minutesPerRow());
		return minutes < 60 ? minutes + " min" : "%d h %02d min".formatted(minutes / 60, minutes % 60);
	}

}
