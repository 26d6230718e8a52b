package io.leadline.jobs.credits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;

class ReservationExpiryTest {

	private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0);

	private static final Duration EXPIRY = Duration.ofDays(7);

	private final CreditLedger ledger = mock(CreditLedger.class);

	private final Map<UUID, JobExecution> lastExecutions = new HashMap<>();

	private final ReservationExpiry expiry = new ReservationExpiry(ledger,
			jobId -> Optional.ofNullable(lastExecutions.get(jobId)), new CreditsProperties(0L, null, EXPIRY));

	@Test
	void releasesAFailedJobLeftAloneLongerThanTheExpiry() {
		UUID job = aHeldJob(BatchStatus.FAILED, NOW.minus(EXPIRY).minusMinutes(1));

		int released = expiry.releaseExpired(NOW);

		assertThat(released).isEqualTo(1);
		verify(ledger).release(eq(job), anyString());
	}

	@Test
	void keepsAFailedJobThatCanStillBeRestarted() {
		UUID job = aHeldJob(BatchStatus.FAILED, NOW.minus(EXPIRY).plusMinutes(1));

		int released = expiry.releaseExpired(NOW);

		assertThat(released).isZero();
		verify(ledger, never()).release(eq(job), anyString());
	}

	@Test
	void neverTouchesAStoppedJobHoweverOld() {
		aHeldJob(BatchStatus.STOPPED, NOW.minusDays(30));

		int released = expiry.releaseExpired(NOW);

		assertThat(released).isZero();
		verify(ledger, never()).release(any(), anyString());
	}

	@Test
	void releasesAReservationWhoseJobNeverGotAnExecution() {
		UUID job = UUID.randomUUID();
		given(ledger.heldReservations(NOW.minus(EXPIRY))).willReturn(List.of(job));

		int released = expiry.releaseExpired(NOW);

		assertThat(released).isEqualTo(1);
		verify(ledger).release(eq(job), anyString());
	}

	private UUID aHeldJob(BatchStatus status, LocalDateTime ended) {
		UUID job = UUID.randomUUID();
		JobExecution execution = new JobExecution(1L, new JobInstance(1L, "enrichmentJob"), new JobParameters());
		execution.setStatus(status);
		execution.setEndTime(ended);
		lastExecutions.put(job, execution);
		given(ledger.heldReservations(NOW.minus(EXPIRY))).willReturn(List.of(job));
		return job;
	}

}
