package io.leadline.jobs.credits;

import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.job.JobExecution;

/**
 * Finds a job's latest Batch execution by its job id. The job that books credits provides
 * it, so credits need not know how jobs are named or identified.
 */
@FunctionalInterface
public interface LastExecution {

	Optional<JobExecution> of(UUID jobId);

}
