package io.leadline.app.jobs;

import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;

/**
 * Published when a run ends where Batch calls no job listener: abandoned (by the API, the
 * web app or the CLI), or failed because the process running it died (found by crash
 * recovery). Features that act on a run's end listen for this besides their job listener.
 *
 * @param execution the run as it is now, {@code ABANDONED} or {@code FAILED}
 */
public record RunEnded(JobExecution execution) {

	public RunEnded {
		Objects.requireNonNull(execution, "execution");
	}

}
