package io.leadline.jobs.enrichment;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/** Clears the job's halt flag and puts a fatal provider error where operators look first. */
final class EnrichmentJobListener implements JobExecutionListener {

	private final JobHalt halt;

	EnrichmentJobListener(JobHalt halt) {
		this.halt = halt;
	}

	@Override
	public void afterJob(JobExecution execution) {
		halt.reason(execution.getId()).ifPresent(reason -> {
			if (execution.getStatus() == BatchStatus.FAILED) {
				execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			}
		});
		halt.clear(execution.getId());
	}
}
