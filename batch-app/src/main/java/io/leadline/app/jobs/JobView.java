package io.leadline.app.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

import io.leadline.jobs.enrichment.EnrichmentMode;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ProviderUsage;

/**
 * One job as operators see it: its latest execution, progress over all executions, and
 * the first line of its error; read from Batch metadata alone.
 *
 * @param rows rows by status, once merge has run
 * @param resultFormat the format the job writes its result in, as it was started
 * @param usage provider calls and tokens of the whole job, once merge has run; else null
 * @param costUsd estimated provider cost, once merge has run; else null
 */
public record JobView(UUID jobId, String owner, String fileName, JobState state, long executionId, long rowsTotal,
		long rowsDone, double percent, RowCounts rows, LocalDateTime started, Duration elapsed, String error,
		String resultKey, ResultFormat resultFormat, String exportPath, ProviderUsage usage, Double costUsd,
		EnrichmentMode mode) {
}
