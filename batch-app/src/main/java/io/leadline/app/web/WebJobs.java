package io.leadline.app.web;

import java.io.IOException;
import java.util.List;
import java.util.UUID;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

import io.leadline.app.api.ApiException;
import io.leadline.app.api.JobControl;
import io.leadline.app.api.JobResponse;
import io.leadline.app.api.StartJobRequest;
import io.leadline.app.api.Upload;
import io.leadline.app.api.Uploads;
import io.leadline.app.jobs.JobLogLine;
import io.leadline.app.jobs.JobView;
import io.leadline.app.security.LocalUser;
import io.leadline.jobs.research.ServiceContext;

/**
 * The web app's one door to uploads and jobs: the API's own paths (store and inspect,
 * reserve then launch, owner checks), so a page can do nothing the API would refuse.
 */
@Component
class WebJobs {

	private final Uploads uploads;

	private final JobControl jobs;

	WebJobs(Uploads uploads, JobControl jobs) {
		this.uploads = uploads;
		this.jobs = jobs;
	}

	Upload accept(LocalUser user, MultipartFile file) throws IOException {
		return uploads.accept(user.accountId(), file);
	}

	/**
	 * @throws ApiException {@code not_found} for another account's upload
	 */
	Upload upload(LocalUser user, UUID id) {
		return uploads.find(id)
			.filter(upload -> user.caller().mayAccess(upload.owner()))
			.orElseThrow(() -> ApiException.notFound("upload", id));
	}

	/**
	 * @param kept the columns to keep; empty keeps all
	 */
	JobView start(LocalUser user, Upload upload, String emailColumn, List<String> kept, String format,
			ServiceContext service) throws Exception {
		return jobs.start(user.caller(), new StartJobRequest(upload.id(), emailColumn, null, kept, format, null),
				service);
	}

	/**
	 * @throws ApiException {@code not_found} for another account's job
	 */
	JobView visible(LocalUser user, UUID jobId) {
		return jobs.visible(user.caller(), jobId);
	}

	JobResponse describe(JobView view) {
		return jobs.describe(view);
	}

	List<JobLogLine> log(LocalUser user, UUID jobId) {
		return jobs.log(user.caller(), jobId);
	}

	ResponseEntity<Resource> download(LocalUser user, UUID jobId) throws IOException {
		return jobs.result(user.caller(), jobId).response();
	}

	void stop(LocalUser user, UUID jobId) throws Exception {
		jobs.stop(user.caller(), jobId);
	}

	void restart(LocalUser user, UUID jobId) throws Exception {
		jobs.restart(user.caller(), jobId);
	}

	void abandon(LocalUser user, UUID jobId) throws Exception {
		jobs.abandon(user.caller(), jobId);
	}

	void delete(LocalUser user, UUID jobId) throws IOException {
		jobs.delete(user.caller(), jobId);
	}

}
