package io.leadline.app.jobs;

import java.io.IOException;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.stereotype.Component;

import io.leadline.app.security.Caller;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.storage.ObjectStore;

/**
 * What a caller may do with jobs, owner checks included: a job or upload of another owner
 * is reported as not found; a job in the wrong state refuses with a stable code. A REST
 * route and a web page share these.
 */
@Component
public class JobCommands {

	private static final Logger log = LoggerFactory.getLogger(JobCommands.class);

	private final JobQueries queries;

	private final JobCatalog catalog;

	private final EnrichmentLauncher launcher;

	private final ListIntake intake;

	private final Uploads uploads;

	private final CreditLedger ledger;

	private final ObjectStore store;

	JobCommands(JobQueries queries, JobCatalog catalog, EnrichmentLauncher launcher, ListIntake intake, Uploads uploads,
			CreditLedger ledger, ObjectStore store) {
		this.queries = queries;
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
	public JobView start(Caller caller, UUID uploadId, ListOptions options) throws Exception {
		Upload upload = uploads.find(uploadId)
			.filter(u -> caller.mayAccess(u.owner()))
			.orElseThrow(() -> new JobNotFoundException("upload", uploadId));
		PreparedList list = intake.prepareUpload(upload, options);
		intake.start(list);
		return queries.visible(caller, list.request().jobId());
	}

	public JobView stop(Caller caller, UUID jobId) throws Exception {
		JobView view = queries.visible(caller, jobId);
		if (!lastExecution(jobId).getStatus().isRunning()) {
			throw new JobConflictException("job_not_running",
					"job " + jobId + " is " + view.state().label() + "; only a queued or running job can be stopped");
		}
		launcher.stop(jobId);
		return queries.visible(caller, jobId);
	}

	public JobView restart(Caller caller, UUID jobId) throws Exception {
		JobView view = queries.visible(caller, jobId);
		BatchStatus status = lastExecution(jobId).getStatus();
		if (status != BatchStatus.FAILED && status != BatchStatus.STOPPED) {
			throw new JobConflictException("not_restartable",
					"job " + jobId + " is " + view.state().label() + "; only a failed or stopped job can be restarted");
		}
		if (ledger.isClosed(jobId)) {
			throw new JobConflictException("not_restartable",
					"job " + jobId + " gave its credits back for good; start a new job from the upload");
		}
		launcher.restart(jobId);
		return queries.visible(caller, jobId);
	}

	public JobView abandon(Caller caller, UUID jobId) throws Exception {
		JobView view = queries.visible(caller, jobId);
		BatchStatus status = lastExecution(jobId).getStatus();
		if (status == BatchStatus.COMPLETED) {
			throw new JobConflictException("not_abandonable",
					"job " + jobId + " completed; there is nothing to abandon");
		}
		try {
			launcher.abandon(jobId);
		}
		catch (JobExecutionAlreadyRunningException e) {
			throw new JobConflictException("not_abandonable",
					"job " + jobId + " is " + view.state().label() + "; stop it first");
		}
		return queries.visible(caller, jobId);
	}

	/**
	 * Deletes the job's input, result and work objects; its metadata and ledger rows
	 * stay.
	 */
	public void delete(Caller caller, UUID jobId) throws IOException {
		JobView view = queries.visible(caller, jobId);
		if (lastExecution(jobId).getStatus().isRunning()) {
			throw new JobConflictException("job_running",
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

	private JobExecution lastExecution(UUID jobId) {
		return catalog.lastExecution(jobId).orElseThrow(() -> new JobNotFoundException("job", jobId));
	}

}
