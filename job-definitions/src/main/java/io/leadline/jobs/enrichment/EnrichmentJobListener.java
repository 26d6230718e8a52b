package io.leadline.jobs.enrichment;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * Writes each run's start and end to the job log, clears the job's halt flag and puts a
 * fatal provider error where operators look first.
 */
final class EnrichmentJobListener implements JobExecutionListener {

	private final JobHalt halt;

	private final JobLog jobLog;

	EnrichmentJobListener(JobHalt halt, JobLog jobLog) {
		this.halt = halt;
		this.jobLog = jobLog;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		EnrichmentRequest request = EnrichmentRequest.from(execution.getJobParameters());
		jobLog.append(request.jobId(),
				"run %d started in pid %d: %s, %,d rows, chunks of %d, %d partitions".formatted(execution.getId(),
						ProcessHandle.current().pid(), request.fileName(), request.rowCount(), request.chunkSize(),
						request.partitions()));
	}

	@Override
	public void afterJob(JobExecution execution) {
		halt.reason(execution.getId()).ifPresent(reason -> {
			if (execution.getStatus() == BatchStatus.FAILED) {
				execution.setExitStatus(ExitStatus.FAILED.addExitDescription(reason));
			}
		});
		halt.clear(execution.getId());
		jobLog.append(EnrichmentRequest.from(execution.getJobParameters()).jobId(),
				"run %d %s%s".formatted(execution.getId(), execution.getStatus().name().toLowerCase(), why(execution)));
	}

	/** Owners read this line: Batch's interruption exception says nothing to them. */
	private static String why(JobExecution execution) {
		if (execution.getStatus() == BatchStatus.STOPPED) {
			return ": " + JobLog.STOPPED_BY_REQUEST;
		}
		String description = execution.getExitStatus().getExitDescription();
		if (execution.getStatus() == BatchStatus.COMPLETED || description == null || description.isBlank()) {
			return "";
		}
		return ": " + description.lines().findFirst().orElse("");
	}

}
