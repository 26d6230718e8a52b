package io.leadline.app.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
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

import io.leadline.app.jobs.JobCommands;
import io.leadline.app.jobs.JobLogLine;
import io.leadline.app.jobs.JobQueries;
import io.leadline.app.jobs.JobView;
import io.leadline.app.security.Caller;
import io.leadline.jobs.enrichment.EnrichmentMode;

/**
 * Jobs: start from an upload, watch, download, and the operator actions. Parses,
 * delegates to {@link JobQueries} and {@link JobCommands} (which scope by owner) and
 * shapes the answer.
 */
@RestController
@Validated
class JobController {

	private final JobQueries queries;

	private final JobCommands commands;

	private final JsonMapper json;

	JobController(JobQueries queries, JobCommands commands, JsonMapper json) {
		this.queries = queries;
		this.commands = commands;
		this.json = json;
	}

	record Started(UUID jobId, String status, EnrichmentMode mode) {
	}

	record JobPage(List<JobResponse> items, int page, int size, long total) {
	}

	@PostMapping("/api/jobs")
	@ResponseStatus(HttpStatus.ACCEPTED)
	Started start(@Valid @RequestBody StartJobRequest request, @AuthenticationPrincipal Jwt jwt) throws Exception {
		JobView view = commands.start(Caller.of(jwt), request.uploadId(), request.options(json));
		return new Started(view.jobId(), view.state().label(), view.mode());
	}

	@GetMapping("/api/jobs")
	JobPage list(@RequestParam(defaultValue = "0") @Min(0) @Max(1_000_000) int page,
			@RequestParam(defaultValue = "20") @Min(1) @Max(100) int size, @AuthenticationPrincipal Jwt jwt) {
		JobQueries.JobPage jobs = queries.page(Caller.of(jwt), Optional.empty(), page, size);
		List<JobResponse> items = jobs.jobs()
			.stream()
			.map(view -> JobResponse.of(view, jobs.creditsOf(view.jobId())))
			.toList();
		return new JobPage(items, page, size, jobs.total());
	}

	@GetMapping("/api/jobs/{id}")
	JobResponse job(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return response(queries.visible(Caller.of(jwt), id));
	}

	@GetMapping("/api/jobs/{id}/logs")
	List<JobLogLine> logs(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) {
		return queries.log(Caller.of(jwt), id);
	}

	@GetMapping("/api/jobs/{id}/result")
	ResponseEntity<Resource> result(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws IOException {
		return ResultDownload.of(queries.result(Caller.of(jwt), id));
	}

	@PostMapping("/api/jobs/{id}/stop")
	JobResponse stop(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws Exception {
		return response(commands.stop(Caller.of(jwt), id));
	}

	@PostMapping("/api/jobs/{id}/restart")
	@ResponseStatus(HttpStatus.ACCEPTED)
	JobResponse restart(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws Exception {
		return response(commands.restart(Caller.of(jwt), id));
	}

	@PostMapping("/api/jobs/{id}/abandon")
	JobResponse abandon(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws Exception {
		return response(commands.abandon(Caller.of(jwt), id));
	}

	@DeleteMapping("/api/jobs/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id, @AuthenticationPrincipal Jwt jwt) throws IOException {
		commands.delete(Caller.of(jwt), id);
	}

	private JobResponse response(JobView view) {
		return JobResponse.of(view, queries.credits(view.jobId()));
	}

}
