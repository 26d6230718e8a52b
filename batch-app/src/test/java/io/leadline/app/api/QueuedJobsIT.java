package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadline.app.jobs.CrashRecovery;
import io.leadline.app.jobs.ExecutionLeases;
import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.research.ProviderWire;

/**
 * More jobs than the server runs at once: the ones waiting their turn are held by this
 * process from the start, so orphan recovery (here or in another instance) never takes
 * them for dead.
 */
class QueuedJobsIT extends ApiTestBase {

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ExecutionLeases leases;

	@Autowired
	CrashRecovery recovery;

	@AfterEach
	void promptProviders() {
		PROVIDERS.serper = ProviderWire::searchResultsFor;
	}

	@Test
	void queuedJobsAreHeldByTheServerAndNeverRecoveredAsOrphans() throws Exception {
		// why: every job's searches wait until the test has looked, so none can finish
		// (and
		// give its lease back) while it is being looked at, however slow the machine
		CountDownLatch looked = new CountDownLatch(1);
		PROVIDERS.serper = query -> {
			awaitQuietly(looked);
			return ProviderWire.searchResultsFor(query);
		};
		String token = aFundedAccount("queue", 100);
		List<String> jobs = new ArrayList<>();
		try {
			for (int i = 0; i < 6; i++) {
				jobs.add(startedJob(token, uploadFresh(token, 2)));
			}

			List<JobExecution> running = List.copyOf(jobRepository.findRunningJobExecutions(EnrichmentJobConfig.JOB));
			assertThat(running).as("4 run at once, the rest wait")
				.hasSize(6)
				.anyMatch(execution -> execution.getStatus() == BatchStatus.STARTING);
			assertThat(running).allSatisfy(execution -> assertThat(leases.find(execution.getId())).isPresent());
			assertThat(recovery.recoverOrphans()).isEmpty();
		}
		finally {
			looked.countDown();
		}
		for (String job : jobs) {
			awaitStatus(token, job, "completed");
		}
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(2, TimeUnit.MINUTES);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
