package io.leadline.jobs.enrichment;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.BatchState;
import io.leadline.jobs.research.ProviderUsage;

/**
 * {@code summary.json}, written beside the result: what came back, what it took, what it
 * cost.
 *
 * @param rows rows per {@code sif_status}, and {@code reused}: ok rows served from the
 * owner's earlier, paid results, not charged
 * @param estimatedCostUsd provider cost at the configured prices; in batch mode the
 * tokens that went through the Batch API at the batch price
 * @param jobSeconds from the start of this job execution to the end of merge (JVM start
 * excluded)
 * @param mode {@code live} or {@code batch}
 * @param batch what batch mode sent through the Batch API; null in live mode
 */
public record EnrichmentSummary(String jobId, String fileName, String resultKey, ResultFormat format, long dataRows,
		long blankRowsIgnored, RowCounts rows, ProviderUsage usage, double estimatedCostUsd, double prepareSeconds,
		double enrichSeconds, double mergeSeconds, double jobSeconds, double rowsPerSecond, EnrichmentMode mode,
		@JsonInclude(JsonInclude.Include.NON_NULL) BatchUsage batch) {

	/**
	 * Batch mode's traffic with the Batch API.
	 *
	 * @param batches batches created
	 * @param requests requests sent in them, resubmissions included
	 * @param failedRequests requests a batch ended without answering (then resubmitted or
	 * sent live)
	 * @param liveRequests stragglers answered through the live path
	 * @param promptTokens prompt tokens billed at the batch price
	 * @param completionTokens completion tokens billed at the batch price
	 * @param priceFactor the batch price as a share of the live price
	 */
	public record BatchUsage(int batches, long requests, long failedRequests, long liveRequests, long promptTokens,
			long completionTokens, double priceFactor) {

		static BatchUsage of(BatchState.Totals totals, double priceFactor) {
			return new BatchUsage(totals.batches(), totals.requests(), totals.failedRequests(), totals.liveRequests(),
					totals.promptTokens(), totals.completionTokens(), priceFactor);
		}

	}

}
