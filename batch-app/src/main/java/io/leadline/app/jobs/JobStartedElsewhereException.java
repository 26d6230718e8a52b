package io.leadline.app.jobs;

import java.util.UUID;

/**
 * The job's JobInstance already existed when we launched it: another process started the
 * same list (same job id) first. Its credits and files are that process's; nothing was
 * released.
 */
public final class JobStartedElsewhereException extends RuntimeException {

	private final UUID jobId;

	JobStartedElsewhereException(UUID jobId, Throwable refusal) {
		super("job " + jobId + " was started by another process", refusal);
		this.jobId = jobId;
	}

	public UUID jobId() {
		return jobId;
	}

}
