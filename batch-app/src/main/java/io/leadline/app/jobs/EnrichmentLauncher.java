package io.leadline.app.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.enrichment.EnrichmentProperties;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.input.ListInspection;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ServiceContext;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Starts and restarts enrichment jobs. A list is inspected before anything is stored, so
 * a file that is not a list, or has no email column, is refused with one line and leaves
 * no job behind.
 */
@Component
public class EnrichmentLauncher {

	private final JobOperator jobOperator;

	private final Job enrichmentJob;

	private final ObjectStore store;

	private final EnrichmentProperties properties;

	private final InputLimits limits;

	private final JobCatalog catalog;

	private final CrashRecovery recovery;

	private final CreditLedger credits;

	private final ExecutionLeases leases;

	private final ObjectProvider<JobSlots> slots;

	EnrichmentLauncher(JobOperator jobOperator, Job enrichmentJob, ObjectStore store, EnrichmentProperties properties,
			InputLimits limits, JobCatalog catalog, CrashRecovery recovery, CreditLedger credits,
			ExecutionLeases leases, ObjectProvider<JobSlots> slots) {
		this.slots = slots;
		this.recovery = recovery;
		this.leases = leases;
		this.credits = credits;
		this.jobOperator = jobOperator;
		this.enrichmentJob = enrichmentJob;
		this.store = store;
		this.properties = properties;
		this.limits = limits;
		this.catalog = catalog;
	}

	/**
	 * Inspects a local list, stores it as the job's input and returns the job to start.
	 */
	public EnrichmentRequest prepareLocal(Path file, String owner, String emailColumn, ServiceContext service,
			ResultFormat format, List<String> outputColumns, Path exportPath, Map<String, String> fields)
			throws IOException {
		ListInspection inspection = ListInspection.inspect(file, limits);
		int email = inspection.emailColumn(emailColumn);
		String emailHeader = inspection.headers().originals().get(email);
		Map<String, String> mapping = inspection.fields(email, fields).toHeaders();
		UUID jobId = UUID.randomUUID();
		String inputKey = new WorkArea(jobId, owner).inputKey(inspection.format().format().name().toLowerCase());
		store.put(inputKey, file);
		return new EnrichmentRequest(jobId, owner, inputKey, file.getFileName().toString(), emailHeader, service,
				format, outputColumns, inspection.dataRows(), properties.chunkSize(), properties.partitions(),
				exportPath == null ? null : exportPath.toAbsolutePath().toString())
			.withFields(mapping);
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
	 * recovered first, since Batch cannot abandon it running.
	 */
	public JobExecution abandon(UUID jobId) throws Exception {
		JobExecution last = lastExecution(jobId);
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalStateException("job " + jobId + " already completed");
		}
		JobExecution abandoned = jobOperator.abandon(recovery.recoverIfOrphaned(last));
		credits.release(jobId, "job abandoned");
		return abandoned;
	}

	private JobExecution lastExecution(UUID jobId) {
		return catalog.lastExecution(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
	}

}
