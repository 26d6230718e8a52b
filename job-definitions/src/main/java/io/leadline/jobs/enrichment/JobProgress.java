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
		long estimate = EnrichmentRequest.rowCountOf(execution.getJobParameters());
		long total = estimate;
		long resolved = 0;
		long done = 0;
		for (JobExecution attempt : history) {
			// why: a restart inherits the job context, so prepare's counts are read once,
			// not summed
			ExecutionContext context = attempt.getExecutionContext();
			if (context.containsKey(RunContext.TOTAL)) {
				total = context.getLong(RunContext.TOTAL);
				resolved = context.getLong(RunContext.RESOLVED);
			}
			for (StepExecution step : attempt.getStepExecutions()) {
				if (EnrichmentJobConfig.isWorkerStep(step.getStepName())) {
					done += step.getWriteCount() + step.getProcessSkipCount();
				}
			}
		}
		done += resolved;
		LocalDateTime start = execution.getStartTime();
		LocalDateTime end = execution.getEndTime() != null ? execution.getEndTime() : LocalDateTime.now();
		Duration elapsed = start == null ? Duration.ZERO : Duration.between(start, end);
		return new JobProgress(total, done, elapsed);
	}

	public double percent() {
		return total == 0 ? 0 : Math.min(100.0, 100.0 * done / total);
	}
}
