package io.leadline.app.jobs;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentRunHook;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.enrichment.RunContext;

/**
 * Counts what completed jobs produced and cost, once per job (a restart completes a job
 * once): rows by status, provider calls, tokens, cache hits, estimated USD and credits
 * charged. Provider latency and 429s come from {@code leadline.provider.requests}; Batch
 * times steps and chunks itself.
 */
@Component
class JobMetrics implements EnrichmentRunHook {

	private final MeterRegistry meters;

	JobMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	@Override
	public Slot slot() {
		return Slot.METRICS;
	}

	@Override
	public void afterJob(JobExecution execution) {
		meters.counter("leadline.jobs", "status", JobState.of(execution.getStatus()).label()).increment();
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			return;
		}
		RowCounts rows = RunContext.rows(execution);
		rows.byStatus()
			.forEach((status, count) -> meters.counter("leadline.rows", "status", status.label()).increment(count));
		meters.counter("leadline.credits.charged").increment(rows.charged());
		RunContext.usage(execution).ifPresent(usage -> {
			meters.counter("leadline.provider.calls", "provider", "serper").increment(usage.serperCalls());
			meters.counter("leadline.provider.calls", "provider", "groq").increment(usage.groqCalls());
			meters.counter("leadline.tokens", "kind", "prompt").increment(usage.promptTokens());
			meters.counter("leadline.tokens", "kind", "completion").increment(usage.completionTokens());
			meters.counter("leadline.cache.hits").increment(usage.cacheHits());
		});
		RunContext.costUsd(execution).ifPresent(cost -> meters.counter("leadline.cost.usd").increment(cost));
	}

}
