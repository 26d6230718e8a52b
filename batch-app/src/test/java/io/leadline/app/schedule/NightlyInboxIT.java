package io.leadline.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.UUID;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.leadline.app.LeadlineApplication;
import io.leadline.app.jobs.ProcessLease;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.credits.LedgerKind;
import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Two app instances sweeping one inbox at once, then again: every file runs exactly once.
 */
class NightlyInboxIT {

	@TempDir
	Path data;

	ConfigurableApplicationContext first;

	ConfigurableApplicationContext second;

	@BeforeEach
	void twoInstancesOnOneDatabaseAndStore() {
		first = instance();
		second = instance();
	}

	@AfterEach
	void stop() {
		first.close();
		second.close();
	}

	@Test
	void runsEachDroppedFileOnceEvenWhenTwoInstancesSweepTogether() throws Exception {
		ObjectStore store = first.getBean(ObjectStore.class);
		drop(store, "inbox/ann/march.csv", "Name,Email\nAnn,ann@acme.example\nBen,ben@acme.example\n");
		drop(store, "inbox/ann/april.csv", "Name,Email\nCy,cy@beta.example\n");
		drop(store, "inbox/ann/april.csv.service.json", "{\"core_offer\":\"Inbox-only offer\"}");
		drop(store, "inbox/ann/brochure.csv", "%PDF-1.7\n%âãÏÓ\n");

		ExecutorService pool = Executors.newFixedThreadPool(2);
		List<Future<List<NightlyInbox.Handled>>> sweeps = pool.invokeAll(List
			.of(() -> first.getBean(NightlyInbox.class).sweep(), () -> second.getBean(NightlyInbox.class).sweep()));
		for (Future<List<NightlyInbox.Handled>> sweep : sweeps) {
			sweep.get();
		}
		pool.shutdown();
		List<NightlyInbox.Handled> again = first.getBean(NightlyInbox.class).sweep();

		JobRepository jobs = first.getBean(JobRepository.class);
		List<JobInstance> instances = jobs.getJobInstances(EnrichmentJobConfig.JOB, 0, 10);
		assertThat(instances).hasSize(2);
		assertThat(instances).allSatisfy(instance -> assertThat(jobs.getJobExecutions(instance)).hasSize(1));
		assertThat(again).isEmpty();
		CreditLedger credits = first.getBean(CreditLedger.class);
		assertThat(credits.entries("ann", 0, 20)).filteredOn(e -> e.kind() == LedgerKind.RESERVE).hasSize(2);
		assertThat(keys(store, "inbox/ann/")).containsExactlyInAnyOrder("inbox/ann/done/april.csv",
				"inbox/ann/done/april.csv.service.json", "inbox/ann/done/march.csv", "inbox/ann/failed/brochure.csv",
				"inbox/ann/failed/brochure.csv.reason.txt");
		assertThat(instances).anySatisfy(
				instance -> assertThat(jobs.getLastJobExecution(instance).getJobParameters().getString("service"))
					.contains("Inbox-only offer"));
		assertThat(instances).as("nightly lists run in LEADLINE_NIGHTLY_MODE, batch by default")
			.allSatisfy(instance -> assertThat(
					jobs.getLastJobExecution(instance).getJobParameters().getString(EnrichmentRequest.MODE))
				.isEqualTo("batch"));
	}

	@Test
	void skipsKeysItCannotHandleAndRunsTheGoodFilesAroundThem() throws Exception {
		ObjectStore store = first.getBean(ObjectStore.class);
		drop(store, "inbox/ann/a-first.csv", "Name,Email\nAnn,ann@first.example\n");
		Path inbox = data.resolve("objects/inbox/ann");
		Files.writeString(inbox.resolve("b..dots.csv"), "Name,Email\nEve,eve@evil.example\n");
		Files.writeString(inbox.resolve("c\\back.csv"), "Name,Email\nEve,eve@evil.example\n");
		Files.writeString(inbox.resolve("d\u0001control.csv"), "Name,Email\nEve,eve@evil.example\n");
		drop(store, "inbox/local/cli.csv", "Name,Email\nEve,eve@evil.example\n");
		drop(store, "inbox/ann/z-last.csv", "Name,Email\nZed,zed@last.example\n");

		List<NightlyInbox.Handled> handled = first.getBean(NightlyInbox.class).sweep();

		assertThat(handled).filteredOn(h -> h.outcome() == NightlyInbox.Outcome.STARTED)
			.extracting(NightlyInbox.Handled::key)
			.containsExactly("inbox/ann/a-first.csv", "inbox/ann/z-last.csv");
		assertThat(keys(store, "inbox/local/")).containsExactly("inbox/local/failed/cli.csv",
				"inbox/local/failed/cli.csv.reason.txt");
		assertThat(first.getBean(CreditLedger.class).entries(CreditLedger.LOCAL_ACCOUNT, 0, 10)).isEmpty();
	}

	@Test
	void runsAFileWhoseSweepDiedBetweenCreatingItsJobAndStartingIt() throws Exception {
		ObjectStore store = first.getBean(ObjectStore.class);
		drop(store, "inbox/ann/may.csv", "Name,Email\nDee,dee@gamma.example\n");
		UUID jobId = NightlyInbox.jobIdOf("ann", store.stat("inbox/ann/may.csv").orElseThrow());
		JobRepository jobs = first.getBean(JobRepository.class);
		jobs.createJobInstance(EnrichmentJobConfig.JOB,
				new JobParametersBuilder().addString(EnrichmentRequest.JOB_ID, jobId.toString()).toJobParameters());
		aClaimOfAProcessThatDied(jobId);

		List<NightlyInbox.Handled> handled = second.getBean(NightlyInbox.class).sweep();

		assertThat(handled).extracting(NightlyInbox.Handled::outcome).containsExactly(NightlyInbox.Outcome.STARTED);
		JobInstance instance = jobs.getJobInstances(EnrichmentJobConfig.JOB, 0, 10)
			.stream()
			.filter(candidate -> jobs.getLastJobExecution(candidate)
				.getJobParameters()
				.getString(EnrichmentRequest.JOB_ID)
				.equals(jobId.toString()))
			.findFirst()
			.orElseThrow();
		assertThat(jobs.getLastJobExecution(instance).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(keys(store, "inbox/ann/")).containsExactly("inbox/ann/done/may.csv");
	}

	@Test
	void aSweepLeavesAFileToTheSweepThatIsStartingItAndNeitherRemovesNorRepeatsItsJob() throws Exception {
		ObjectStore store = first.getBean(ObjectStore.class);
		drop(store, "inbox/ann/june.csv", "Name,Email\nEd,ed@delta.example\n");
		UUID jobId = NightlyInbox.jobIdOf("ann", store.stat("inbox/ann/june.csv").orElseThrow());
		InboxClaims.Claim starting = first.getBean(InboxClaims.class).take(jobId).orElseThrow();
		JobRepository jobs = first.getBean(JobRepository.class);
		// why: the moment the first sweep has created the job and not yet its run
		jobs.createJobInstance(EnrichmentJobConfig.JOB,
				new JobParametersBuilder().addString(EnrichmentRequest.JOB_ID, jobId.toString()).toJobParameters());

		List<NightlyInbox.Handled> meanwhile = second.getBean(NightlyInbox.class).sweep();

		assertThat(meanwhile).extracting(NightlyInbox.Handled::outcome)
			.containsExactly(NightlyInbox.Outcome.STARTED_ELSEWHERE);
		assertThat(jobs.getJobInstances(EnrichmentJobConfig.JOB, 0, 10)).hasSize(1);
		assertThat(keys(store, "inbox/ann/")).containsExactly("inbox/ann/june.csv");

		first.getBean(InboxClaims.class).giveBack(starting);
		List<NightlyInbox.Handled> after = second.getBean(NightlyInbox.class).sweep();

		assertThat(after).extracting(NightlyInbox.Handled::outcome).containsExactly(NightlyInbox.Outcome.STARTED);
	}

	@Test
	void refusesAFileThatTakesLongerThanTheInspectionTimeLimitAndGoesOnToTheNextFile() throws Exception {
		ObjectStore store = first.getBean(ObjectStore.class);
		StringBuilder huge = new StringBuilder("Name,Email\n");
		for (int row = 0; row < 200_000; row++) {
			huge.append("P").append(row).append(",p").append(row).append("@huge.example\n");
		}
		drop(store, "inbox/ann/a-huge.csv", huge.toString());
		drop(store, "inbox/ann/b-next.csv", "Name,Email\nNed,ned@next.example\n");

		List<NightlyInbox.Handled> handled;
		try (ConfigurableApplicationContext strict = instance("LEADLINE_INSPECTION_TIME_LIMIT=1ms")) {
			handled = strict.getBean(NightlyInbox.class).sweep();
		}

		assertThat(handled).extracting(NightlyInbox.Handled::key)
			.as("the sweep goes on after the file that took too long")
			.containsExactly("inbox/ann/a-huge.csv", "inbox/ann/b-next.csv");
		assertThat(handled.get(0).describe()).isEqualTo("failed: the file took longer than 1 ms to inspect");
		assertThat(keys(store, "inbox/ann/failed/")).contains("inbox/ann/failed/a-huge.csv");
		try (InputStream reason = store.open("inbox/ann/failed/a-huge.csv.reason.txt")) {
			assertThat(new String(reason.readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo("the file took longer than 1 ms to inspect\n");
		}
		assertThat(first.getBean(CreditLedger.class).entries("ann", 0, 10)).extracting(LedgerEntry::jobId)
			.as("nothing reserved for the refused file")
			.doesNotContain(handled.get(0).jobId());
	}

	/**
	 * What a sweep killed while starting a file leaves: its claim, held by a pid that is
	 * gone.
	 */
	private void aClaimOfAProcessThatDied(UUID jobId) throws Exception {
		Process gone = new ProcessBuilder("true").start();
		gone.waitFor();
		first.getBean(JdbcTemplate.class)
			.update("INSERT INTO inbox_claims (job_id, host, pid, claimed_at) VALUES (?, ?, ?, CURRENT_TIMESTAMP)",
					jobId.toString(), ProcessLease.thisHost(), gone.pid());
	}

	private ConfigurableApplicationContext instance(String... more) {
		return new SpringApplicationBuilder(LeadlineApplication.class).web(WebApplicationType.NONE)
			.properties(more)
			// why: default properties rank below application.yml, so set the variables
			// its placeholders read
			.properties("LEADLINE_DATA_DIR=" + data.toAbsolutePath(), "LEADLINE_STARTING_CREDITS=100",
					"SERPER_API_KEY=", "GROQ_API_KEY=",
					"LEADLINE_JWT_SECRET=a-test-secret-that-is-at-least-32-bytes-long")
			.run();
	}

	private static void drop(ObjectStore store, String key, String content) throws Exception {
		store.write(key, out -> out.write(content.getBytes(StandardCharsets.UTF_8)));
	}

	private static List<String> keys(ObjectStore store, String prefix) throws Exception {
		return store.list(prefix).stream().map(ObjectInfo::key).toList();
	}

}
