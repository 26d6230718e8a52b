package io.leadline.app.jobs;

import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.enrichment.EnrichmentRequest;

/**
 * Runs, restarts, stops and abandons enrichment jobs; a new list comes in through
 * {@link ListIntake}, which calls {@link #run}.
 */
@Component
public class EnrichmentLauncher {

	private final JobOperator jobOperator;

	private final Job enrichmentJob;

	private final JobCatalog catalog;

	private final CrashRecovery recovery;

	private final CreditLedger credits;

	private final ExecutionLeases leases;

	private final ObjectProvider<JobSlots> slots;

	private final ApplicationEventPublisher events;

	EnrichmentLauncher(JobOperator jobOperator, Job enrichmentJob, JobCatalog catalog, CrashRecovery recovery,
			CreditLedger credits, ExecutionLeases leases, ObjectProvider<JobSlots> slots,
			ApplicationEventPublisher events) {
		this.slots = slots;
		this.events = events;
		this.recovery = recovery;
		this.leases = leases;
		this.credits = credits;
		this.jobOperator = jobOperator;
		this.enrichmentJob = enrichmentJob;
		this.catalog = catalog;
	}

	/**
	 * Runs the job: to its end in the calling thread (CLI), or queued on the server's
	 * {@link JobSlots}, counted against its owner.
	 */
	public JobExecution run(EnrichmentRequest request) throws Exception {
		return leases
			.claim(launchFor(request.owner(), () -> jobOperator.start(enrichmentJob, request.toJobParameters())));
	}

	/**
	 * Runs a failed or stopped job again from its last commit, in the calling thread. An
	 * execution a dead JVM left STARTED is marked failed first, as Batch requires; one a
	 * live process runs is refused. A failed run gave back the credits of the rows it did
	 * not do, so they are reserved again first.
	 * @throws io.leadline.jobs.credits.InsufficientCreditsException when the owner cannot
	 * cover the rows still to do (nothing runs)
	 */
	public JobExecution restart(UUID jobId) throws Exception {
		JobExecution last = lastExecution(jobId);
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalStateException("job " + jobId + " already completed");
		}
		EnrichmentRequest request = EnrichmentRequest.from(last.getJobParameters());
		// why: here, not only in the job's beforeJob, so the caller gets an honest 402
		// instead of a run that fails at once
		credits.reserve(request.owner(), jobId, request.rowCount());
		return leases.claim(launchFor(request.owner(), () -> jobOperator.restart(recovery.recoverIfOrphaned(last))));
	}

	private JobExecution launchFor(String owner, Callable<JobExecution> launch) throws Exception {
		JobSlots available = slots.getIfAvailable();
		return available == null ? launch.call() : available.launchingFor(owner, launch);
	}

	/** Asks a running job to stop at its next commit; it can be restarted later. */
	public JobExecution stop(UUID jobId) throws Exception {
		JobExecution last = lastExecution(jobId);
		if (!last.getStatus().isRunning()) {
			throw new IllegalStateException("job " + jobId + " is not running (" + last.getStatus() + ")");
		}
		if (recovery.isOrphaned(last)) {
			return recovery.recoverIfOrphaned(last);
		}
		jobOperator.stop(last);
		return last;
	}

	/**
	 * Gives a job up for good and releases its credit reservation; a crashed run is
	 * recovered first, since Batch cannot abandon it running. Then says so
	 * ({@link RunEnded}): the job's owner may be told.
	 */
	public JobExecution abandon(UUID jobId) throws Exception {
		JobExecution last = lastExecution(jobId);
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalStateException("job " + jobId + " already completed");
		}
		JobExecution abandoned = jobOperator.abandon(recovery.recoverIfOrphaned(last));
		credits.release(jobId, "job abandoned");
		events.publishEvent(new RunEnded(abandoned));
		return abandoned;
	}

	private JobExecution lastExecution(UUID jobId) {
		return catalog.lastExecution(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
	}

}
