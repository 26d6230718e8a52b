package io.leadline.app.jobs;

import java.time.Duration;
import java.util.Optional;

/**
 * An account holds as much as it may; {@code retryAfter} says when waiting helps (a job
 * ends), empty when only deleting something does.
 */
public final class QuotaExceededException extends RuntimeException {

	private final transient Optional<Duration> retryAfter;

	QuotaExceededException(String message, Optional<Duration> retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Optional<Duration> retryAfter() {
		return retryAfter;
	}

}
