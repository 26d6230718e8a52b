package io.leadline.app.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.EnrichmentRequest;

/**
 * Marks executions left STARTED by a dead JVM as FAILED (Batch's {@code recover}), so
 * they can be restarted or abandoned, and says so ({@link RunEnded}). An execution a live
 * process holds is never touched.
 */
@Component
public class CrashRecovery {

	private static final Logger log = LoggerFactory.getLogger(CrashRecovery.class);

	private final JobRepository jobRepository;

	private final JobOperator jobOperator;

	private final ExecutionLeases leases;

	private final ApplicationEventPublisher events;

	CrashRecovery(JobRepository jobRepository, JobOperator jobOperator, ExecutionLeases leases,
			ApplicationEventPublisher events) {
		this.jobRepository = jobRepository;
		this.jobOperator = jobOperator;
		this.leases = leases;
		this.events = events;
	}

	/** Recovers every orphaned execution; returns them, now FAILED. */
	public List<JobExecution> recoverOrphans() {
		List<JobExecution> recovered = new ArrayList<>();
		for (JobExecution execution : jobRepository.findRunningJobExecutions(EnrichmentJobConfig.JOB)) {
			Optional<ExecutionLease> lease = leases.find(execution.getId());
			// why: several live instances sweep for orphans; only the one that takes the
			// stale lease recovers and restarts the job
			if (!leases.isHeld(execution, lease) && leases.takeOver(execution, lease)) {
				recovered.add(recover(execution));
			}
		}
		return recovered;
	}

	/** Running according to Batch, but no live process holds it. */
	public boolean isOrphaned(JobExecution execution) {
		return execution.getStatus().isRunning() && !leases.isHeld(execution);
	}

	/**
	 * Makes a running-looking execution safe to restart or abandon.
	 * @throws JobInUseException when a live process is running it
	 */
	public JobExecution recoverIfOrphaned(JobExecution execution) {
		if (!execution.getStatus().isRunning()) {
			return execution;
		}
		Optional<ExecutionLease> lease = leases.find(execution.getId());
		if (leases.isHeld(execution, lease)) {
			String holder = lease.map(ExecutionLease::describe).orElse("another process");
			throw new JobInUseException("job is running in " + holder + "; stop it first or wait for it");
		}
		if (!leases.takeOver(execution, lease)) {
			return recoveredElsewhere(execution);
		}
		return recover(execution);
	}

	private JobExecution recover(JobExecution execution) {
		log.warn("recovering execution {} of job {}: its process is gone", execution.getId(),
				EnrichmentRequest.jobIdOf(execution.getJobParameters()));
		JobExecution recovered = jobOperator.recover(execution);
		leases.giveUp(execution.getId());
		// why: the dead run called no listener; its owner hears it failed (a restart is
		// a new run, which tells its own end)
		events.publishEvent(new RunEnded(recovered));
		return recovered;
	}

	/** Another process took the orphan's lease first: its verdict, once it has one. */
	private JobExecution recoveredElsewhere(JobExecution execution) {
		JobExecution now = jobRepository.getJobExecution(execution.getId());
		if (now != null && !now.getStatus().isRunning()) {
			return now;
		}
		throw new JobInUseException("job is being recovered by another process; try again in a moment");
	}

	/** A job another live process is running. */
	public static final class JobInUseException extends IllegalStateException {

		JobInUseException(String message) {
			super(message);
		}

	}

}
