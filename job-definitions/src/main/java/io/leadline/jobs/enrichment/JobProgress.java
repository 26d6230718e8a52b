package io.leadline.jobs.enrichment;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

	static final String TOTAL = "rows.total";

	static final String RESOLVED = "rows.resolved";

	static final String PENDING = "rows.pending";

	static final String REUSED = "rows.reused";

	private static final String STATUS_PREFIX = "rows.status.";

	static void recordPrepared(ExecutionContext jobContext, JobMeta meta) {
		jobContext.putLong(TOTAL, meta.dataRows());
		jobContext.putLong(RESOLVED, meta.resolvedRows());
		jobContext.putLong(PENDING, meta.pendingRows());
	}

	static void recordStatuses(ExecutionContext jobContext, Map<RowStatus, Long> counts) {
		for (RowStatus status : RowStatus.values()) {
			jobContext.putLong(STATUS_PREFIX + status.label(), counts.getOrDefault(status, 0L));
		}
	}

	/** Rows by status once merge has run; empty before. */
	public static Map<RowStatus, Long> statuses(JobExecution execution) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		ExecutionContext context = execution.getExecutionContext();
		for (RowStatus status : RowStatus.values()) {
			if (context.containsKey(STATUS_PREFIX + status.label())) {
				counts.put(status, context.getLong(STATUS_PREFIX + status.label()));
			}
		}
		return counts;
	}

	/**
	 * @param history every execution of the job's instance: a restarted partition resumes
	 * after its committed rows, so write counts add up across executions without counting
	 * a row twice
	 */
	static void recordReused(ExecutionContext jobContext, long reused) {
		jobContext.putLong(REUSED, reused);
	}

	/**
	 * Rows a completed execution charges credits for ({@link RowStatus#isCharged()}), but
	 * for the {@link #reusedRows reused} ones.
	 */
	public static long chargedRows(JobExecution execution) {
		return statuses(execution).entrySet()
			.stream()
			.filter(e -> e.getKey().isCharged())
			.mapToLong(Map.Entry::getValue)
			.sum() - reusedRows(execution);
	}

	/**
	 * Ok rows served from the owner's earlier, paid results: not charged again (0 before
	 * merge).
	 */
	public static long reusedRows(JobExecution execution) {
		return execution.getExecutionContext().getLong(REUSED, 0L);
	}

	public static JobProgress of(JobExecution execution, List<JobExecution> history) {
		long estimate = execution.getJobParameters().getLong("rowCount", 0L);
		long total = estimate;
		long resolved = 0;
		long done = 0;
		for (JobExecution attempt : history) {
			// why: a restart inherits the job context, so prepare's counts are read once,
			// not summed
			ExecutionContext context = attempt.getExecutionContext();
			if (context.containsKey(TOTAL)) {
				total = context.getLong(TOTAL);
				resolved = context.getLong(RESOLVED);
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
