package io.leadline.jobs.enrichment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * How far a job is, read from Batch metadata alone, so any process (the CLI, another JVM,
 * the API) can show it: rows settled by prepare plus rows the partitions wrote or
 * skipped.
 *
 * @param total data rows in the list, or the caller's estimate before prepare has run
 * @param done rows with a final status
 */
public record JobProgress(long total, long done, Duration elapsed) {

	/**
	 * @param history every execution of the job's instance: a restarted partition resumes
	 * after its committed rows, so write counts add up across executions without counting
	 * a row twice
	 */
	public static JobProgress of(JobExecution execution, List<JobExecution> history) {
		long partitionRows = 0;
		for (JobExecution attempt : history) {
			for (StepExecution step : attempt.getStepExecutions()) {
				if (EnrichmentJobConfig.isWorkerStep(step.getStepName())) {
					partitionRows += step.getWriteCount() + step.getProcessSkipCount();
				}
			}
		}
		return of(execution.getExecutionContext(), EnrichmentRequest.rowCountOf(execution.getJobParameters()),
				partitionRows, execution.getStartTime(), execution.getEndTime());
	}

	/**
	 * The same from figures a caller read itself (a page of jobs in a few queries).
	 * @param lastContext the job context of the latest execution: a restart inherits the
	 * job context, so prepare's counts are read there once, not summed
	 * @param estimate the rows the job was started with, until prepare has counted
	 * @param partitionRows rows the partitions wrote or skipped, over every execution
	 * @param end null while the execution runs
	 */
	public static JobProgress of(ExecutionContext lastContext, long estimate, long partitionRows, LocalDateTime start,
			LocalDateTime end) {
		long total = lastContext.getLong(RunContext.TOTAL, estimate);
		long resolved = lastContext.getLong(RunContext.RESOLVED, 0);
		LocalDateTime until = end != null ? end : LocalDateTime.now();
		Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, until);
		return new JobProgress(total, resolved + partitionRows, elapsed);
	}

	public double percent() {
		return total == 0 ? 0 : Math.min(100.0, 100.0 * done / total);
	}
}
