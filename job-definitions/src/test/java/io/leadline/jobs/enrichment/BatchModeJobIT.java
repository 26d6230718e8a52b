package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ProviderPrices;
import io.leadline.jobs.research.ProviderUsage;

/**
 * Whole jobs in batch mode against the loopback Files and Batches fake: no live model
 * call, the output contract unchanged, cost at the batch price, and a job stopped while
 * its batch runs at the provider that resumes it on restart without submitting a row
 * twice.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:batchmode;DB_CLOSE_DELAY=-1",
		"leadline.research.cache=false", "leadline.batch.poll-first=5ms", "leadline.batch.poll-max=20ms" })
class BatchModeJobIT extends JobIT {

	@Autowired
	ProviderPrices prices;

	@Autowired
	JobLog jobLog;

	@Autowired
	JobRepository jobRepository;

	@Test
	void aThousandRowListInBatchModeMakesNoLiveChatCallAndCostsTheBatchPrice() throws Exception {
		MessyList list = MessyList.of(1_000, 100);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("thousand.csv")), ResultFormat.CSV, 50, 4);
		int chatsBefore = providers.chatCalls().size();
		int batchesBefore = providers.batches.batchesCreated();

		JobExecution execution = run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		OutputContract.assertFollowedBy(jobs.result(request), list);
		assertThat(providers.chatCalls()).as("live chat completions").hasSize(chatsBefore);
		assertThat(providers.batches.batchesCreated() - batchesBefore).as("company, person and opener batches")
			.isEqualTo(3);
		EnrichmentSummary summary = summary(request);
		assertThat(summary.mode()).isEqualTo(EnrichmentMode.BATCH);
		assertThat(summary.rows().of(RowStatus.OK)).isEqualTo(998);
		assertThat(summary.batch().requests()).isEqualTo(7 + 998 + 998);
		assertThat(summary.batch().promptTokens()).isEqualTo(summary.usage().promptTokens());
		ProviderUsage usage = summary.usage();
		double searches = usage.serperCalls() * prices.serperPerCall();
		double liveTokens = prices.estimate(usage) - searches;
		assertThat(summary.estimatedCostUsd()).as("tokens at half the live price")
			.isCloseTo(searches + liveTokens / 2, org.assertj.core.data.Offset.offset(0.0002));
		assertThat(jobLog.lines(request.jobId())).extracting(JobLog.Line::message)
			.anyMatch(line -> line.matches("batch batch_\\d+ submitted: 998 person requests"))
			.anyMatch(
					line -> line.matches("batch batch_\\d+ completed: 998 of 998 opener requests answered, 0 failed"));
	}

	@Test
	void aJobStoppedWhileItsBatchRunsResumesItOnRestartAndSubmitsNothingTwice() throws Exception {
		MessyList list = MessyList.of(40, 100);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("stopped.csv")), ResultFormat.CSV, 5, 2);
		int submittedBefore = providers.batches.submittedIds().size();
		int batchesBefore = providers.batches.batchesCreated();
		providers.batches.hold = true;

		CompletableFuture<JobExecution> first = CompletableFuture.supplyAsync(() -> run(request));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> providers.batches.statuses().stream().skip(batchesBefore).anyMatch("in_progress"::equals));
		JobExecution running = jobRepository.findRunningJobExecutions(EnrichmentJobConfig.JOB).iterator().next();
		jobOperator.stop(running);
		JobExecution stopped = first.get();
		providers.batches.release();
		JobExecution restarted = jobs.restart(stopped);

		assertThat(stopped.getStatus()).isEqualTo(BatchStatus.STOPPED);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> submitted = providers.batches.submittedIds()
			.subList(submittedBefore, providers.batches.submittedIds().size());
		assertThat(submitted).doesNotHaveDuplicates().contains("company:0", "person:1", "opener:40");
		OutputContract.assertFollowedBy(jobs.result(request), list);
	}

	@Test
	void aRowWhoseAnswersStayMalformedFailsAndIsNotCharged() throws Exception {
		MessyList list = MessyList.of(12, 100);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("malformed.csv")), ResultFormat.CSV, 4, 2);
		providers.batches.malformed = id -> id.startsWith("person:5");

		JobExecution execution = run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<List<String>> result = jobs.result(request);
		List<String> row5 = result.get(list.resultIndexOf(5));
		assertThat(OutputContract.status(row5)).isEqualTo("failed");
		assertThat(row5.get(row5.size() - 1)).isEqualTo("research: model returned invalid JSON twice");
		assertThat(summary(request).rows().of(RowStatus.FAILED)).isEqualTo(1);
		assertThat(RunContext.rows(execution).charged()).isEqualTo(summary(request).rows().of(RowStatus.OK));
	}

	private JobExecution run(EnrichmentRequest request) {
		try {
			return jobOperator.start(enrichmentJob, request.withMode(EnrichmentMode.BATCH).toJobParameters());
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private EnrichmentSummary summary(EnrichmentRequest request) throws IOException {
		try (InputStream in = store.open(request.workArea().summaryKey())) {
			return JsonMapper.shared().readValue(in, EnrichmentSummary.class);
		}
	}

}
