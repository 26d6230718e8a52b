package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

import io.leadline.app.jobs.CrashRecovery;
import io.leadline.app.jobs.ExecutionLeases;
import io.leadline.app.jobs.JobCatalog;
import io.leadline.jobs.research.ProviderWire;

/**
 * More jobs than the server runs at once for one account (4 slots, one kept for other
 * accounts): the ones waiting their turn are held by this process from the start, so
 * orphan recovery (here or in another instance) never takes them for dead.
 */
class QueuedJobsIT extends ApiTestBase {

	private final CountDownLatch searchesMayAnswer = new CountDownLatch(1);

	@Autowired
	JobCatalog catalog;

	@Autowired
	ExecutionLeases leases;

	@Autowired
	CrashRecovery recovery;

	@AfterEach
	void promptProviders() {
		searchesMayAnswer.countDown();
		PROVIDERS.serper = ProviderWire::searchResultsFor;
	}

	@Test
	void queuedJobsAreHeldByTheServerAndNeverRecoveredAsOrphans() throws Exception {
		// why: running jobs hold in their first search, so the four slots stay taken
		PROVIDERS.serper = query -> {
			awaitRelease();
			return ProviderWire.searchResultsFor(query);
		};
		String token = aFundedAccount("queue", 100);
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			jobs.add(startedJob(token, uploadFresh(token, 2)));
		}

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(lastExecutions(jobs)).extracting(JobExecution::getStatus)
				.as("one account runs 3 at once (4 slots less the one kept for others), 3 wait")
				.containsExactlyInAnyOrder(BatchStatus.STARTED, BatchStatus.STARTED, BatchStatus.STARTED,
						BatchStatus.STARTING, BatchStatus.STARTING, BatchStatus.STARTING));
		assertThat(lastExecutions(jobs)).allSatisfy(execution -> assertThat(leases.find(execution.getId()))
			.as("lease of execution %d (%s)", execution.getId(), execution.getStatus())
			.isPresent());
		assertThat(recovery.recoverOrphans()).isEmpty();

		searchesMayAnswer.countDown();
		for (String job : jobs) {
			awaitStatus(token, job, "completed");
		}
	}

	private List<JobExecution> lastExecutions(List<String> jobs) {
		return jobs.stream().map(job -> catalog.lastExecution(UUID.fromString(job)).orElseThrow()).toList();
	}

	private void awaitRelease() {
		try {
			searchesMayAnswer.await(90, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
