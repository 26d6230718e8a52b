package io.leadline.jobs.enrichment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;

import io.leadline.jobs.credits.CreditLedger;

/**
 * Reserves a job's rows before it runs. The application reserves when it starts a job (an
 * honest refusal), so here the reservation is usually a no-op; it guards a job started
 * without one. Restarts never reserve again: the ledger allows one reservation per job,
 * and a released one refuses the run. Settlement is not here: the merge step settles in
 * the step that publishes the result, so no way of ending a job (stop, abandon, delete,
 * expiry) leaves a result unpaid.
 */
final class CreditBooking implements JobExecutionListener {

	private static final Logger log = LoggerFactory.getLogger(CreditBooking.class);

	private final CreditLedger ledger;

	CreditBooking(CreditLedger ledger) {
		this.ledger = ledger;
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

	private boolean wasReleased(EnrichmentRequest request) {
		return ledger.reserved(request.jobId()).isPresent() && !ledger.isHeld(request.jobId());
	}

}
