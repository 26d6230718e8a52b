package io.leadline.app.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.leadline.app.api.JobResponse;
import io.leadline.app.api.ResultDownload;
import io.leadline.app.jobs.JobCommands;
import io.leadline.app.jobs.JobLogLine;
import io.leadline.app.jobs.JobNotFoundException;
import io.leadline.app.jobs.JobQueries;
import io.leadline.app.jobs.JobView;
import io.leadline.app.jobs.ListIntake;
import io.leadline.app.jobs.ListOptions;
import io.leadline.app.jobs.Upload;
import io.leadline.app.jobs.Uploads;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;

/**
 * The web app's one door to uploads and jobs: the same use cases as the API
 * ({@link ListIntake}, {@link JobQueries}, {@link JobCommands}), so a page can do nothing
 * the API would refuse.
 */
@Component
class WebJobs {

	private final ListIntake intake;

	private final Uploads uploads;

	private final JobQueries queries;

	private final JobCommands commands;

	WebJobs(ListIntake intake, Uploads uploads, JobQueries queries, JobCommands commands) {
		this.intake = intake;
		this.uploads = uploads;
		this.queries = queries;
		this.commands = commands;
	}

	Upload accept(LocalUser user, MultipartFile file) throws IOException {
		return intake.acceptUpload(user.accountId(), file.getOriginalFilename(), file);
	}

	/**
	 * @throws JobNotFoundException for another account's upload
	 */
	Upload upload(LocalUser user, UUID id) {
		return uploads.find(id)
			.filter(upload -> user.caller().mayAccess(upload.owner()))
			.orElseThrow(() -> new JobNotFoundException("upload", id));
	}

	/**
	 * @param kept the columns to keep; empty keeps all
	 * @param format {@code xlsx} or {@code csv}; null keeps the list's own
	 * @param mode {@code live} or {@code batch}; null runs live
	 */
	JobView start(LocalUser user, Upload upload, String emailColumn, List<String> kept, String format, String mode,
			ServiceContext service) throws Exception {
		ListOptions options = new ListOptions(emailColumn, service,
				format == null || format.isBlank() ? null : ResultFormat.parse(format), kept, null)
			.withMode(mode == null || mode.isBlank() ? null : EnrichmentMode.parse(mode));
		return commands.start(user.caller(), upload.id(), options);
	}

	/**
	 * @throws JobNotFoundException for another account's job
	 */
	JobView visible(LocalUser user, UUID jobId) {
		return queries.visible(user.caller(), jobId);
	}

	JobResponse describe(JobView view) {
		return JobResponse.of(view, queries.credits(view.jobId()));
	}

	List<JobLogLine> log(LocalUser user, UUID jobId) {
		return queries.log(user.caller(), jobId);
	}

	ResponseEntity<Resource> download(LocalUser user, UUID jobId) throws IOException {
		return ResultDownload.of(queries.result(user.caller(), jobId));
	}

	void stop(LocalUser user, UUID jobId) throws Exception {
		commands.stop(user.caller(), jobId);
	}

	void restart(LocalUser user, UUID jobId) throws Exception {
		commands.restart(user.caller(), jobId);
	}

	void abandon(LocalUser user, UUID jobId) throws Exception {
		commands.abandon(user.caller(), jobId);
	}

	void delete(LocalUser user, UUID jobId) throws IOException {
		commands.delete(user.caller(), jobId);
	}

}
