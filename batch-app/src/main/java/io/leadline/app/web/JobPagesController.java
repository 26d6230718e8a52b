package io.leadline.app.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.leadline.app.api.JobResponse;
import io.leadline.app.jobs.JobConflictException;
import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobView;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.enrichment.RowStatus;

/**
 * The jobs page (newest first, grouped by day, live progress) and one job's page (counts,
 * credits, usage, timings, log, the first result rows). While a job moves, htmx asks for
 * the changing part again every second and swaps it in place: no reload.
 */
@Controller
class JobPagesController {

	static final int JOBS_PER_PAGE = 50;

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

	private final WebJobs jobs;

	private final JobCatalog catalog;

	private final ResultPreview results;

	JobPagesController(WebJobs jobs, JobCatalog catalog, ResultPreview results) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.results = results;
	}

	public record DayGroup(String day, List<JobCard> jobs) {
	}

	/** One bar of the counts chart. */
	public record Bar(String status, long rows, double percent) {
	}

	@GetMapping("/jobs")
	String list(@AuthenticationPrincipal LocalUser user,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		List<JobCard> cards = catalog.page(Optional.of(user.accountId()), Optional.empty(), 0, JOBS_PER_PAGE)
			.stream()
			.map(JobCard::of)
			.toList();
		model.addAttribute("groups", byDay(cards));
		model.addAttribute("live", cards.stream().anyMatch(JobCard::live));
		return htmx != null ? "jobs/list :: groups" : "jobs/list";
	}

	@GetMapping("/jobs/{id}")
	String job(@PathVariable UUID id, @AuthenticationPrincipal LocalUser user,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) throws IOException {
		JobView view = jobs.visible(user, id);
		JobResponse described = jobs.describe(view);
		JobCard card = JobCard.of(view);
		model.addAttribute("job", card);
		model.addAttribute("credits", described.credits());
		model.addAttribute("usage", described.usage());
		model.addAttribute("bars", bars(view));
		model.addAttribute("summary", catalog.summary(view).orElse(null));
		model.addAttribute("log", jobs.log(user, id));
		model.addAttribute("preview", card.downloadable() ? results.of(view) : null);
		return htmx != null ? "jobs/detail :: live" : "jobs/detail";
	}

	@GetMapping("/jobs/{id}/download")
	ResponseEntity<Resource> download(@PathVariable UUID id, @AuthenticationPrincipal LocalUser user)
			throws IOException {
		return jobs.download(user, id);
	}

	@PostMapping("/jobs/{id}/{action:stop|restart|abandon|delete}")
	String act(@PathVariable UUID id, @PathVariable String action, @RequestParam(defaultValue = "") String back,
			@AuthenticationPrincipal LocalUser user, RedirectAttributes flash) throws Exception {
		try {
			switch (action) {
				case "stop" -> jobs.stop(user, id);
				case "restart" -> jobs.restart(user, id);
				case "abandon" -> jobs.abandon(user, id);
				default -> jobs.delete(user, id);
			}
			flash.addFlashAttribute("notice", switch (action) {
				case "stop" -> "The job will stop after its current rows; you can restart it later.";
				case "restart" -> "The job is running again from where it stopped.";
				case "abandon" -> "The job was abandoned and its reserved credits were given back.";
				default -> "The job's files were deleted; its history and ledger stay.";
			});
		}
		catch (JobConflictException e) {
			flash.addFlashAttribute("error", WebErrors.of(e).sentence());
		}
		return "redirect:" + (back.startsWith("/") && !back.startsWith("//") ? back : "/jobs/" + id);
	}

	private static List<DayGroup> byDay(List<JobCard> cards) {
		Map<String, List<JobCard>> days = new LinkedHashMap<>();
		LocalDate today = LocalDate.now();
		for (JobCard card : cards) {
			String day;
			if (card.started() == null) {
				day = "Waiting to start";
			}
			else if (card.started().toLocalDate().equals(today)) {
				day = "Today";
			}
			else if (card.started().toLocalDate().equals(today.minusDays(1))) {
				day = "Yesterday";
			}
			else {
				day = DAY.format(card.started());
			}
			days.computeIfAbsent(day, d -> new ArrayList<>()).add(card);
		}
		return days.entrySet().stream().map(e -> new DayGroup(e.getKey(), e.getValue())).toList();
	}

	private static List<Bar> bars(JobView view) {
		long total = Math.max(1, view.rows().byStatus().values().stream().mapToLong(Long::longValue).sum());
		List<Bar> bars = new ArrayList<>();
		for (RowStatus status : RowStatus.values()) {
			long rows = view.rows().of(status);
			if (rows > 0) {
				bars.add(new Bar(status.label(), rows, 100.0 * rows / total));
			}
		}
		return bars;
	}

}
