package io.leadline.app.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.EnrichmentLauncher;
import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobLogLine;
import io.leadline.app.jobs.JobView;
import io.leadline.app.jobs.ListIntake;
import io.leadline.app.jobs.ListOptions;
import io.leadline.app.jobs.PreparedList;
import io.leadline.app.jobs.Upload;
import io.leadline.app.jobs.Uploads;
import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.storage.ObjectStore;

/**
 * What API callers may do with jobs, owner checks included: a job or upload of another
 * owner is reported as not found.
 */
@Component
class JobControl {

	private static final Logger log = LoggerFactory.getLogger(JobControl.class);

	private final JobCatalog catalog;

	private final EnrichmentLauncher launcher;

	private final ListIntake intake;

	private final Uploads uploads;

	private final CreditLedger ledger;

	private final ObjectStore store;

	JobControl(JobCatalog catalog, EnrichmentLauncher launcher, ListIntake intake, Uploads uploads, CreditLedger ledger,
			ObjectStore store) {
		this.catalog = catalog;
		this.launcher = launcher;
		this.intake = intake;
		this.uploads = uploads;
		this.ledger = ledger;
		this.store = store;
	}

	/**
	 * Starts a job from the caller's upload: its rows are reserved first (an honest 402)
	 * and it runs on the server's job executor.
	 */
	JobView start(Caller caller, UUID uploadId, ListOptions options) throws Exception {
		Upload upload = uploads.find(uploadId)
			.filter(u -> caller.mayAccess(u.owner()))
			.orElseThrow(() -> ApiException.notFound("upload", uploadId));
		PreparedList list = intake.prepareUpload(upload, options);
		intake.start(list);
		return visible(caller, list.request().jobId());
	}

	JobView visible(Caller caller, UUID jobId) {
		return catalog.view(jobId)
			.filter(view -> caller.mayAccess(view.owner()))
			.orElseThrow(() -> ApiException.notFound("job", jobId));
	}

	List<JobLogLine> log(Caller caller, UUID jobId) {
		visible(caller, jobId);
		List<JobLogLine> lines = new ArrayList<>(catalog.log(jobId));
		for (LedgerEntry entry : ledger.jobEntries(jobId)) {
			lines.add(new JobLogLine(entry.at(),
					"credits %s %+,d: %s".formatted(entry.kind().name().toLowerCase(), entry.delta(), entry.reason())));
		}
		lines.sort(Comparator.comparing(JobLogLine::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return lines;
	}

	JobView stop(Caller caller, UUID jobId) throws Exception {
		JobView view = visible(caller, jobId);
		if (!lastExecution(jobId).getStatus().isRunning()) {
			throw ApiException.conflict("job_not_running",
					"job " + jobId + " is " + view.state().label() + "; only a queued or running job can be stopped");
		}
		launcher.stop(jobId);
		return visible(caller, jobId);
	}

	JobView restart(Caller caller, UUID jobId) throws Exception {
		JobView view = visible(caller, jobId);
		BatchStatus status = lastExecution(jobId).getStatus();
		if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
			throw ApiException.conflict("not_restartable",
					"job " + jobId + " is " + view.state().label() + "; only a failed or stopped job can be restarted");
		}
		if (ledger.reserved(jobId).isPresent() && !ledger.isHeld(jobId)) {
			throw ApiException.conflict("not_restartable",
					"job " + jobId + " gave its credits back (expired); start a new job from the upload");
		}
		launcher.restart(jobId);
		return visible(caller, jobId);
	}

	JobView abandon(Caller caller, UUID jobId) throws Exception {
		JobView view = visible(caller, jobId);
		BatchStatus status = lastExecution(jobId).getStatus();
		if (status == BatchStatus.COMPLETED) {
			throw ApiException.conflict("not_abandonable", "job " + jobId + " completed; there is nothing to abandon");
		}
		try {
			launcher.abandon(jobId);
		}
		catch (JobExecutionAlreadyRunningException e) {
			throw ApiException.conflict("not_abandonable",
					"job " + jobId + " is " + view.state().label() + "; stop it first");
		}
		return visible(caller, jobId);
	}

	/**
	 * Deletes the job's input, result and work objects; its metadata and ledger rows
	 * stay.
	 */
	void delete(Caller caller, UUID jobId) throws IOException {
		JobView view = visible(caller, jobId);
		if (lastExecution(jobId).getStatus().isRunning()) {
			throw ApiException.conflict("job_running",
					"job " + jobId + " is " + view.state().label() + "; stop it first");
		}
		EnrichmentRequest request = EnrichmentRequest.from(lastExecution(jobId).getJobParameters());
		ledger.release(jobId, "deleted");
		WorkArea work = request.workArea();
		uploads.deleteByObjectKey(request.inputKey());
		store.deletePrefix(work.outputPrefix());
		store.deletePrefix(work.workPrefix());
		log.info("job {} files deleted by {}", jobId, caller.accountId());
	}

	List<LedgerEntry> credits(UUID jobId) {
		return ledger.jobEntries(jobId);
	}

	private JobExecution lastExecution(UUID jobId) {
		return catalog.lastExecution(jobId).orElseThrow(() -> ApiException.notFound("job", jobId));
	}

}
