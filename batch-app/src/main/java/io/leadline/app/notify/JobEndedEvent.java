package io.leadline.app.notify;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What a webhook receives when a job completes, fails, is stopped or abandoned; sent as
 * JSON, unchanged on every retry.
 *
 * @param id the event's id, also in the {@code X-Leadline-Event-Id} header: a receiver
 * drops one it has seen
 * @param type {@code job.completed}, {@code job.failed}, {@code job.stopped},
 * {@code job.abandoned}
 * @param status the job's status as the API shows it
 * @param counts {@code total} and {@code done} rows, and rows by status once merged
 * ({@code ok}, {@code invalid}, {@code duplicate}, {@code failed}, {@code no_provider},
 * {@code skipped})
 * @param resultPath the API path of the result, when published and paid; null otherwise
 * @param error the first line of a failed run's error, null otherwise
 */
record JobEndedEvent(UUID id, String type, UUID jobId, String status, String fileName, Map<String, Long> counts,
		String resultPath, String error, Instant occurredAt) {

	JobEndedEvent {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(jobId, "jobId");
		Objects.requireNonNull(status, "status");
		type = "job." + status;
		counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
	}

	static String resultPathOf(UUID jobId) {
		return "/api/jobs/" + jobId + "/result";
	}

}
