package io.leadline.app.jobs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentRunHook;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.EnrichmentSummary;
import io.leadline.jobs.enrichment.JobProgress;
import io.leadline.jobs.enrichment.RowStatus;

/**
 * Counts what completed jobs produced and cost, once per job (a restart completes a job
 * once): rows by status, provider calls, tokens, cache hits, estimated USD and credits
 * charged. Provider latency and 429s come from {@code leadline.provider.requests}; Batch
 * times steps and chunks itself.
 */
@Component
class JobMetrics implements EnrichmentRunHook {

	private final MeterRegistry meters;

	private final JobCatalog catalog;

	JobMetrics(MeterRegistry meters, JobCatalog catalog) {
		this.meters = meters;
		this.catalog = catalog;
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
		Map<RowStatus, Long> rows = JobProgress.statuses(execution);
		rows.forEach((status, count) -> meters.counter("leadline.rows", "status", status.label()).increment(count));
		meters.counter("leadline.credits.charged").increment(JobProgress.chargedRows(execution));
		catalog.view(EnrichmentRequest.from(execution.getJobParameters()).jobId())
			.flatMap(this::summaryOf)
			.ifPresent(summary -> {
				meters.counter("leadline.provider.calls", "provider", "serper")
					.increment(summary.usage().serperCalls());
				meters.counter("leadline.provider.calls", "provider", "groq").increment(summary.usage().groqCalls());
				meters.counter("leadline.tokens", "kind", "prompt").increment(summary.usage().promptTokens());
				meters.counter("leadline.tokens", "kind", "completion").increment(summary.usage().completionTokens());
				meters.counter("leadline.cache.hits").increment(summary.usage().cacheHits());
				meters.counter("leadline.cost.usd").increment(summary.estimatedCostUsd());
			});
	}

	private Optional<EnrichmentSummary> summaryOf(JobView view) {
		try {
			return catalog.summary(view);
		}
		catch (IOException e) {
			// why: metrics must never fail a finished job; the summary is still in the
			// store
			return Optional.empty();
		}
	}

}
