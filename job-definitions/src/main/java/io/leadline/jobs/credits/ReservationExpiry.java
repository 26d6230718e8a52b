package io.leadline.jobs.credits;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * Gives back the reservation of a job that failed and was left alone longer than
 * {@link CreditsProperties#failedReservationExpiry()}, or that never got a Batch
 * execution. A stopped, running or completed job is never touched here.
 */
public final class ReservationExpiry {

	private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);

	private final CreditLedger ledger;

	private final LastExecution lastExecution;

	private final CreditsProperties properties;

	ReservationExpiry(CreditLedger ledger, LastExecution lastExecution, CreditsProperties properties) {
		this.ledger = ledger;
		this.lastExecution = lastExecution;
		this.properties = properties;
	}

	/**
	 * @return how many reservations were released
	 */
	public int releaseExpired(LocalDateTime now) {
		LocalDateTime cutoff = now.minus(properties.failedReservationExpiry());
		int released = 0;
		for (UUID jobId : ledger.heldReservations(cutoff)) {
			Optional<JobExecution> last = lastExecution.of(jobId);
			if (last.isEmpty() || failedBefore(last.get(), cutoff)) {
				ledger.release(jobId,
						"expired: failed and not restarted within " + properties.failedReservationExpiry());
				log.info("job {} reservation released after {}", jobId, properties.failedReservationExpiry());
				released++;
			}
		}
		return released;
	}

	private static boolean failedBefore(JobExecution execution, LocalDateTime cutoff) {
		boolean failed = execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.UNKNOWN;
		LocalDateTime ended = execution.getEndTime() != null ? execution.getEndTime() : execution.getLastUpdated();
		return failed && ended != null && ended.isBefore(cutoff);
	}

}
