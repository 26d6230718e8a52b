package io.leadline.app.jobs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.UUID;

import io.leadline.jobs.enrichment.RowStatus;

/**
 * One job as operators see it: its latest execution, progress over all executions, and
 * the first line of its error.
 */
public record JobView(UUID jobId, String owner, String fileName, JobState state, long executionId, long rowsTotal,
		long rowsDone, double percent, Map<RowStatus, Long> rowsByStatus, LocalDateTime started, Duration elapsed,
		String error, String resultKey, String exportPath) {
}
