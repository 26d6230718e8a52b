package io.leadline.app.jobs;

import java.util.Objects;

import org.springframework.batch.core.job.JobExecution;

/**
 * Published when a job was given up for good, by the API, the web app or the CLI. Batch
 * calls no job listener then, so features that act on a job's end listen for this.
 *
 * @param execution the run as it is now, {@code ABANDONED}
 */
public record JobAbandoned(JobExecution execution) {

	public JobAbandoned {
		Objects.requireNonNull(execution, "execution");
	}

}
