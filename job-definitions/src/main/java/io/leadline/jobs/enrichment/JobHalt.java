package io.leadline.jobs.enrichment;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job-wide stop flag. When one row meets a fatal provider error (a rejected key, no
 * credits left), every partition of that job execution stops at its next row instead of
 * failing each row against the same wall. The job ends FAILED and can be restarted after
 * the fix.
 */
final class JobHalt {

	private final Map<Long, String> reasons = new ConcurrentHashMap<>();

	void trip(long jobExecutionId, String reason) {
		reasons.putIfAbsent(jobExecutionId, reason);
	}

	Optional<String> reason(long jobExecutionId) {
		return Optional.ofNullable(reasons.get(jobExecutionId));
	}

	void clear(long jobExecutionId) {
		reasons.remove(jobExecutionId);
	}

	/** Thrown for rows of a job that is halting; neither retried nor skipped. */
	static final class HaltedException extends RuntimeException {

		HaltedException(String reason) {
			super("job halted: " + reason);
		}

	}

}
