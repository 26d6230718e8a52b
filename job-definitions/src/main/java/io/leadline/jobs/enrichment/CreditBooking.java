package io.leadline.jobs.enrichment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.repository.JobRepository;

import io.leadline.jobs.credits.CreditLedger;

/**
 * Reserves a job's rows before it runs, and gives back at once what a failed run did not
 * use. The application reserves when it starts a job (an honest refusal), so here the
 * reservation is usually a no-op; it guards a job started without one, and a restart
 * after a failure gave credits back reserves the rows still to do. A run stopped by its
 * owner keeps its reservation. Settlement is not here: the merge step settles in the step
 * that publishes the result, so no way of ending a job (stop, abandon, delete) leaves a
 * result unpaid.
 */
final class CreditBooking implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(CreditBooking.class);

	private final CreditLedger ledger;

	private final JobRepository jobRepository;

	CreditBooking(CreditLedger ledger, JobRepository jobRepository) {
		this.ledger = ledger;
		this.jobRepository = jobRepository;
	}

	@Override
	public void beforeJob(JobExecution execution) {
		EnrichmentRequest request = EnrichmentRequest.from(execution.getJobParameters());
		if (wasReleased(request)) {
			throw new IllegalStateException("job " + request.jobId()
					+ " cannot run again: its credit reservation was released; start a new job");
		}
		if (ledger.reserve(request.owner(), request.jobId(), request.rowCount())) {
			log.info("job {} reserved {} credits from account {}", request.jobId(), request.rowCount(),
					request.owner());
		}
	}

	@Override
	public void afterJob(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return;
		}
		EnrichmentRequest request = EnrichmentRequest.from(execution.getJobParameters());
		long done = JobProgress.of(execution, jobRepository.getJobExecutions(execution.getJobInstance())).done();
		ledger.returnUnused(request.jobId(), done, "run failed");
		log.info("job {} failed: credits of rows not done given back to account {}", request.jobId(), request.owner());
	}

	private boolean wasReleased(EnrichmentRequest request) {
		return ledger.isClosed(request.jobId());
	}

}
