package io.leadline.jobs.enrichment;

import java.util.UUID;

import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.Retryable;

/** Puts each retry of a row, and why, in the job log. */
final class RetryLogger implements RetryListener {

	private final JobLog jobLog;

	private final UUID jobId;

	RetryLogger(JobLog jobLog, UUID jobId) {
		this.jobLog = jobLog;
		this.jobId = jobId;
	}

	@Override
	public void beforeRetry(RetryPolicy policy, Retryable<?> retryable, RetryState state) {
		Throwable last = state.getLastException();
		jobLog.append(jobId, "retry %d of a row after: %s".formatted(state.getRetryCount() + 1,
				last == null ? "an error" : last.getMessage()));
	}

}
