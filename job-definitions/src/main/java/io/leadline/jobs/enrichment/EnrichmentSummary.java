package io.leadline.jobs.enrichment;

import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ProviderUsage;

/**
 * {@code summary.json}, written beside the result: what came back, what it took, what it
 * cost.
 *
 * @param rows rows per {@code sif_status}, and {@code reused}: ok rows served from the
 * owner's earlier, paid results, not charged
 * @param estimatedCostUsd provider cost at the configured prices
 * @param jobSeconds from the start of this job execution to the end of merge (JVM start
 * excluded)
 */
public record EnrichmentSummary(String jobId, String fileName, String resultKey, ResultFormat format, long dataRows,
		long blankRowsIgnored, RowCounts rows, ProviderUsage usage, double estimatedCostUsd, double prepareSeconds,
		double enrichSeconds, double mergeSeconds, double jobSeconds, double rowsPerSecond) {
}
