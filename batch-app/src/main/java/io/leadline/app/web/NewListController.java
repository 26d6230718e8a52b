package io.leadline.app.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import io.leadline.app.jobs.JobNotFoundException;
import io.leadline.app.jobs.JobView;
import io.leadline.app.jobs.Upload;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.credits.Account;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.research.ServiceContext;

/**
 * The new-list wizard: drop a file (stored and inspected, like the API's upload), then on
 * one page see its rows and cost, pick the email column, the service context, the columns
 * to keep and the format, and start. Starting goes through the API's own start path
 * (reserve, then launch).
 */
@Controller
class NewListController {

	static final int PREVIEW_ROWS = 5;

	private final WebJobs jobs;

	private final CreditLedger ledger;

	private final TablePreview preview;

	NewListController(WebJobs jobs, CreditLedger ledger, TablePreview preview) {
		this.jobs = jobs;
		this.ledger = ledger;
		this.preview = preview;
	}

	/**
	 * The setup form; field names follow {@code sample-data/service.json} in camel case.
	 */
	public record StartForm(String emailColumn, String coreOffer, String keyDifferentiator, String cta, String timeline,
			String goal, String fallbackAction, Boolean saveDefault, List<String> columns, String format, String mode) {

		public StartForm {
			// why: an unchecked box sends nothing
			saveDefault = Boolean.TRUE.equals(saveDefault);
			columns = columns == null ? List.of() : List.copyOf(columns);
		}

		static StartForm of(Upload upload, ServiceContext service) {
			return new StartForm(upload.emailColumnGuess(), service.coreOffer(), service.keyDifferentiator(),
					service.cta(), service.timeline(), service.goal(), service.fallbackAction(), false,
					upload.headers(), "xlsx", "live");
		}

		ServiceContext service() {
			return new ServiceContext(coreOffer, keyDifferentiator, cta, timeline, goal, fallbackAction);
		}

		public boolean keeps(String column) {
			return columns.contains(column);
		}
	}

	@GetMapping("/lists/new")
	String upload() {
		return "lists/new";
	}

	@PostMapping("/lists")
	String upload(@RequestParam("file") MultipartFile file, @AuthenticationPrincipal LocalUser user, Model model) {
		try {
			Upload upload = jobs.accept(user, file);
			return "redirect:/lists/" + upload.id();
		}
		catch (IOException | RuntimeException e) {
			WebErrors.show(model, e);
			return "lists/new";
		}
	}

	@GetMapping("/lists/{id}")
	String setup(@PathVariable UUID id, @AuthenticationPrincipal LocalUser user, Model model) throws IOException {
		Upload upload = jobs.upload(user, id);
		Account account = ledger.account(user.accountId());
		ServiceContext service = account.defaultService() != null ? account.defaultService()
				: ServiceContext.defaults();
		return setupPage(upload, StartForm.of(upload, service), model);
	}

	@PostMapping("/lists/{id}/start")
	String start(@PathVariable UUID id, @ModelAttribute StartForm form, @AuthenticationPrincipal LocalUser user,
			Model model) throws IOException {
		Upload upload = jobs.upload(user, id);
		try {
			if (form.columns().isEmpty()) {
				throw new IllegalArgumentException("keep at least one of the list's columns");
			}
			ServiceContext service = form.service();
			if (Boolean.TRUE.equals(form.saveDefault())) {
				ledger.saveDefaultService(user.accountId(), service);
			}
			// why: keeping every column is the default, said as "no filter"
			List<String> kept = form.columns().containsAll(upload.headers()) ? List.of() : form.columns();
			JobView job = jobs.start(user, upload, form.emailColumn(), kept, form.format(), form.mode(), service);
			return "redirect:/jobs/" + job.jobId();
		}
		catch (JobNotFoundException e) {
			throw e;
		}
		catch (Exception e) {
			WebErrors.show(model, e);
		}
		return setupPage(upload, form, model);
	}

	private String setupPage(Upload upload, StartForm form, Model model) throws IOException {
		long balance = ledger.account(upload.owner()).balance();
		model.addAttribute("upload", upload);
		model.addAttribute("preview", preview.firstRows(upload.objectKey(), PREVIEW_ROWS));
		model.addAttribute("cost", upload.rowCount());
		model.addAttribute("enough", balance >= upload.rowCount());
		model.addAttribute("form", form);
		return "lists/setup";
	}

}
