package io.leadline.jobs.enrichment;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import io.leadline.jobs.research.BatchState;
import io.leadline.jobs.research.ProviderUsage;

/**
 * What an enrichment run keeps in Batch's execution contexts: every key, and its typed
 * read and write. Any process (the CLI, another JVM, the API) reads a job's state from
 * here, without opening the job's files.
 * <ul>
 * <li>job context, by prepare: {@code rows.total}, {@code rows.resolved},
 * {@code rows.pending};</li>
 * <li>job context, by merge: {@code rows.status.<status>}, {@code rows.reused} (ok rows
 * not charged), the whole job's {@code usage.*} and {@code cost.usd};</li>
 * <li>partition step context: {@code partition}, and that partition's
 * {@code usage.*};</li>
 * <li>batch step context (batch mode): {@code batch.state}, the {@link BatchState} of the
 * job's batches at the provider.</li>
 * </ul>
 */
public final class RunContext {

	static final String TOTAL = "rows.total";

	static final String RESOLVED = "rows.resolved";

	static final String PENDING = "rows.pending";

	private static final String REUSED = "rows.reused";

	private static final String STATUS_PREFIX = "rows.status.";

	private static final String SERPER_CALLS = "usage.serperCalls";

	private static final String GROQ_CALLS = "usage.groqCalls";

	private static final String PROMPT_TOKENS = "usage.promptTokens";

	private static final String COMPLETION_TOKENS = "usage.completionTokens";

	private static final String CACHE_HITS = "usage.cacheHits";

	private static final String COST_USD = "cost.usd";

	private static final String PARTITION = "partition";

	private static final String BATCH_STATE = "batch.state";

	private RunContext() {
	}

	// --- job context

	static void recordPrepared(ExecutionContext jobContext, JobMeta meta) {
		jobContext.putLong(TOTAL, meta.dataRows());
		jobContext.putLong(RESOLVED, meta.resolvedRows());
		jobContext.putLong(PENDING, meta.pendingRows());
	}

	static void recordMerged(ExecutionContext jobContext, RowCounts rows, ProviderUsage usage, double costUsd) {
		for (RowStatus status : RowStatus.values()) {
			jobContext.putLong(STATUS_PREFIX + status.label(), rows.of(status));
		}
		jobContext.putLong(REUSED, rows.reused());
		writeUsage(jobContext, usage);
		jobContext.putDouble(COST_USD, costUsd);
	}

	/** Rows by status once merge has run; empty before. */
	public static RowCounts rows(JobExecution execution) {
		return rows(execution.getExecutionContext());
	}

	/**
	 * Rows by status in a job context, and the reused ones, once merge has run; empty
	 * before.
	 */
	public static RowCounts rows(ExecutionContext context) {
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		for (RowStatus status : RowStatus.values()) {
			if (context.containsKey(STATUS_PREFIX + status.label())) {
				counts.put(status, context.getLong(STATUS_PREFIX + status.label()));
			}
		}
		return new RowCounts(counts, context.getLong(REUSED, 0L));
	}

	/** The whole job's provider usage, once merge has run. */
	public static Optional<ProviderUsage> usage(JobExecution execution) {
		return usage(execution.getExecutionContext());
	}

	public static Optional<ProviderUsage> usage(ExecutionContext context) {
		return context.containsKey(SERPER_CALLS) ? Optional.of(readUsage(context)) : Optional.empty();
	}

	/** The whole job's estimated provider cost in USD, once merge has run. */
	public static Optional<Double> costUsd(JobExecution execution) {
		return costUsd(execution.getExecutionContext());
	}

	public static Optional<Double> costUsd(ExecutionContext context) {
		return context.containsKey(COST_USD) ? Optional.of(context.getDouble(COST_USD)) : Optional.empty();
	}

	// --- partition step context

	static ExecutionContext partition(int partition) {
		ExecutionContext context = new ExecutionContext();
		context.putInt(PARTITION, partition);
		return context;
	}

	static int partitionOf(StepExecution stepExecution) {
		return stepExecution.getExecutionContext().getInt(PARTITION);
	}

	// --- batch step context

	static void recordBatchState(ExecutionContext stepContext, BatchState state) {
		stepContext.putString(BATCH_STATE, state.toJson());
	}

	static Optional<BatchState> batchState(StepExecution batchStep) {
		return Optional.ofNullable(batchStep.getExecutionContext().getString(BATCH_STATE, null))
			.map(BatchState::fromJson);
	}

	/**
	 * The state of a job's batches, from the latest execution of its batch step (a
	 * restart resumes from it); empty for a live job.
	 */
	public static Optional<BatchState> batchState(List<JobExecution> history) {
		StepExecution latest = null;
		for (JobExecution attempt : history) {
			for (StepExecution step : attempt.getStepExecutions()) {
				if (step.getStepName().equals(EnrichmentJobConfig.ENRICH_BATCH)
						&& (latest == null || step.getId() > latest.getId())) {
					latest = step;
				}
			}
		}
		return latest == null ? Optional.empty() : batchState(latest);
	}

	// --- usage, in a partition's context and, summed, in the job's

	static void writeUsage(ExecutionContext context, ProviderUsage usage) {
		context.putLong(SERPER_CALLS, usage.serperCalls());
		context.putLong(GROQ_CALLS, usage.groqCalls());
		context.putLong(PROMPT_TOKENS, usage.promptTokens());
		context.putLong(COMPLETION_TOKENS, usage.completionTokens());
		context.putLong(CACHE_HITS, usage.cacheHits());
	}

	static ProviderUsage readUsage(ExecutionContext context) {
		return new ProviderUsage((int) context.getLong(SERPER_CALLS, 0), (int) context.getLong(GROQ_CALLS, 0),
				context.getLong(PROMPT_TOKENS, 0), context.getLong(COMPLETION_TOKENS, 0),
				(int) context.getLong(CACHE_HITS, 0));
	}

}
