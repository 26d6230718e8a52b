package io.leadline.app.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobLogLine;
import io.leadline.app.jobs.JobView;
import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/** Jobs: start from an upload, watch, download, and the operator actions. */
@RestController
@Validated
class JobController {

	private final JobControl jobs;

	private final JobCatalog catalog;

	private final CreditLedger ledger;

	private final ObjectStore store;

	private final JsonMapper json;

	JobController(JobControl jobs, JobCatalog catalog, CreditLedger ledger, ObjectStore store, JsonMapper json) {
		this.jobs = jobs;
		this.catalog = catalog;
		this.ledger = ledger;
		this.store = store;
		this.json = json;
	}

	record Started(UUID jobId, String status) {
	}

	record JobPage(List<JobResponse> items, int page, int size, long total) {
	}

	@PostMapping("/api/jobs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Started start(@Valid @RequestBody StartJobRequest request, @AuthenticationPrincipal Jwt jwt) throws Exception {
		Caller caller = Caller.of(jwt);
		JobView view = jobs.start(caller, request.uploadId(), request.options(json));
		return new Started(view.jobId(), view.state().label());
	}

	@GetMapping("/api/jobs")
	JobPage list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		Caller caller = Caller.of(jwt);
		Optional<String> owner = caller.admin() ? Optional.empty() : Optional.of(caller.accountId());
		List<JobResponse> items = catalog.page(owner, page * size, size).stream().map(this::response).toList();
		return new JobPage(items, page, size, catalog.count(owner));
	}

	@GetMapping("/api/jobs/{id}")
	JobResponse job(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return response(jobs.visible(Caller.of(jwt), id));
	}

	@GetMapping("/api/jobs/{id}/logs")
	List<JobLogLine> logs(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return jobs.log(Caller.of(jwt), id);
	}

	@GetMapping("/api/jobs/{id}/result")
	ResponseEntity<Resource> result(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws IOException {
		JobView view = jobs.visible(Caller.of(jwt), id);
		// why: merge publishes, then settles; a result is served only once it is paid for
		if (!ledger.isSettled(id)) {
			throw ApiException.conflict("result_not_ready",
					"job " + id + " is " + view.state().label() + " and has no paid result (yet)");
		}
		ObjectInfo info = store.stat(view.resultKey())
			.orElseThrow(() -> ApiException.conflict("no_result",
					"job " + id + " is " + view.state().label() + " and has no result (yet)"));
		ResultFormat format = view.resultFormat();
		InputStream body = store.open(view.resultKey());
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(format.contentType()))
			.contentLength(info.size())
			.header("Content-Disposition",
					ContentDisposition.attachment()
						.filename(resultName(view.fileName(), format), StandardCharsets.UTF_8)
						.build()
						.toString())
			.body(new InputStreamResource(body));
	}

	@PostMapping("/api/jobs/{id}/stop")
	JobResponse stop(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws Exception {
		return response(jobs.stop(Caller.of(jwt), id));
	}

	@PostMapping("/api/jobs/{id}/restart")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobResponse restart(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws Exception {
		return response(jobs.restart(Caller.of(jwt), id));
	}

	@PostMapping("/api/jobs/{id}/abandon")
	JobResponse abandon(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws Exception {
		return response(jobs.abandon(Caller.of(jwt), id));
	}

	@DeleteMapping("/api/jobs/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws IOException {
		jobs.delete(Caller.of(jwt), id);
	}

	private JobResponse response(JobView view) {
		return JobResponse.of(view, jobs.credits(view.jobId()));
	}

	/** {@code prospects.csv} → {@code prospects-enriched.xlsx} */
	static String resultName(String fileName, ResultFormat format) {
		int dot = fileName.lastIndexOf('.');
		String base = dot > 0 ? fileName.substring(0, dot) : fileName;
		return base + "-enriched." + format.extension();
	}

}
