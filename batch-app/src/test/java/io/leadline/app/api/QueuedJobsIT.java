package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

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
		PROVIDERS.serper = query -> {
			sleep(1_000);
			return ProviderWire.searchResultsFor(query);
		};
		String token = aFundedAccount("queue", 100);
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			jobs.add(startedJob(token, uploadFresh(token, 2)));
		}

		List<JobExecution> running = List.copyOf(jobRepository.findRunningJobExecutions(EnrichmentJobConfig.JOB));
		assertThat(running).as("4 run at once, the rest wait")
			.hasSizeGreaterThan(4)
			.anyMatch(execution -> execution.getStatus() == BatchStatus.STARTING);
		assertThat(running).allSatisfy(execution -> assertThat(leases.find(execution.getId())).isPresent());
		assertThat(recovery.recoverOrphans()).isEmpty();

		PROVIDERS.serper = ProviderWire::searchResultsFor;
		for (String job : jobs) {
			awaitStatus(token, job, "completed");
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
