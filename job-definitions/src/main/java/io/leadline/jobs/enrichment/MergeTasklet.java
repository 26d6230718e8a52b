package io.leadline.jobs.enrichment;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.output.ResultSink;
import io.leadline.jobs.output.ResultSinks;
import io.leadline.jobs.research.BatchState;
import io.leadline.jobs.research.ProviderPrices;
import io.leadline.jobs.research.ProviderUsage;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Step 3: merges the work objects into the result, settles the job's credits and writes
 * {@code summary.json}. The object store publishes an object only when it is complete, so
 * a merge killed half-way leaves no result and simply runs again. The optional export to
 * a local path is repeated by a restart.
 *
 * <p>
 * Settling here, right after the result is published, makes a result that exists a result
 * that is paid for: a job stopped, abandoned or deleted after this step published its
 * result has already charged its ok rows. A result published by a merge that died before
 * settling is never served (downloads require the settlement), and its restart settles.
 */
final class MergeTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(MergeTasklet.class);

	private final ObjectStore store;

	private final JobMetaStore metaStore;

	private final JsonMapper json;

	private final boolean csvBom;

	private final JobRepository jobRepository;

	private final ProviderPrices prices;

	private final CreditLedger ledger;

	MergeTasklet(ObjectStore store, JobMetaStore metaStore, JsonMapper json, boolean csvBom,
			JobRepository jobRepository, ProviderPrices prices, CreditLedger ledger) {
		this.store = store;
		this.ledger = ledger;
		this.prices = prices;
		this.jobRepository = jobRepository;
		this.metaStore = metaStore;
		this.json = json;
		this.csvBom = csvBom;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		JobExecution execution = contribution.getStepExecution().getJobExecution();
		EnrichmentRequest request = EnrichmentRequest.from(execution.getJobParameters());
		WorkArea work = request.workArea();
		JobMeta meta = metaStore.load(work);
		ResultLayout layout = ResultLayout.of(meta.headers(), request.outputColumns(), request.service().scoresFit());
		String resultKey = work.resultKey(request.format().extension());
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		RowMerger merger = new RowMerger(store, work);
		store.write(resultKey, out -> {
			try (ResultSink sink = ResultSinks.open(request.format(), out, csvBom)) {
				counts.putAll(merger.mergeInto(sink, layout, meta));
			}
		});
		RowCounts rows = new RowCounts(counts, merger.reusedRows()).withEveryStatus();
		settle(request, rows.charged(), rows.reused());
		contribution.incrementWriteCount(meta.dataRows());
		List<JobExecution> history = jobRepository.getJobExecutions(execution.getJobInstance());
		ProviderUsage usage = usageOf(history);
		Optional<BatchState> batch = RunContext.batchState(history);
		// why: tokens that went through the Batch API cost the batch price
		double costUsd = batch.map(state -> prices.estimate(usage, state.totals()))
			.orElseGet(() -> prices.estimate(usage));
		// why: job lists read counts, usage and cost from Batch metadata, never from
		// summary.json
		RunContext.recordMerged(execution.getExecutionContext(), rows, usage, costUsd);
		EnrichmentSummary summary = summarize(execution, request, meta, resultKey, rows, usage, costUsd,
				batch.map(state -> EnrichmentSummary.BatchUsage.of(state.totals(), prices.groqBatchFactor()))
					.orElse(null));
		store.write(work.summaryKey(), out -> json.writerWithDefaultPrettyPrinter().writeValue(out, summary));
		if (request.exportPath() != null) {
			store.copyTo(resultKey, Path.of(request.exportPath()));
		}
		log.info("job {} merged {} rows into {} in {}s", request.jobId(), meta.dataRows(), resultKey,
				summary.mergeSeconds());
		return RepeatStatus.FINISHED;
	}

	private void settle(EnrichmentRequest request, long charged, long reused) {
		ledger.settle(request.jobId(), charged, reused);
		log.info("job {} settled: {} charged rows to account {}, {} reused rows free", request.jobId(), charged,
				request.owner(), reused);
	}

	private static EnrichmentSummary summarize(JobExecution execution, EnrichmentRequest request, JobMeta meta,
			String resultKey, RowCounts rows, ProviderUsage usage, double costUsd, EnrichmentSummary.BatchUsage batch) {
		double prepare = 0, enrich = 0, merge = 0;
		LocalDateTime now = LocalDateTime.now();
		for (StepExecution step : execution.getStepExecutions()) {
			double seconds = seconds(step.getStartTime(), step.getEndTime() != null ? step.getEndTime() : now);
			switch (step.getStepName()) {
				case EnrichmentJobConfig.PREPARE -> prepare = seconds;
				case EnrichmentJobConfig.ENRICH -> enrich = seconds;
				case EnrichmentJobConfig.MERGE -> merge = seconds;
				default -> {
				}
			}
		}
		double job = seconds(execution.getStartTime(), now);
		return new EnrichmentSummary(request.jobId().toString(), request.fileName(), resultKey, request.format(),
				meta.dataRows(), meta.blankRows(), rows, usage, costUsd, prepare, enrich, merge, job,
				job > 0 ? Math.round(meta.dataRows() / job * 10) / 10.0 : 0, request.mode(), batch);
	}

	/**
	 * A restarted partition reloads its usage, so the latest execution of each partition
	 * holds its total.
	 */
	private static ProviderUsage usageOf(List<JobExecution> history) {
		Map<String, StepExecution> latest = new HashMap<>();
		for (JobExecution attempt : history) {
			for (StepExecution step : attempt.getStepExecutions()) {
				if (EnrichmentJobConfig.isWorkerStep(step.getStepName())) {
					latest.merge(step.getStepName(), step, (a, b) -> a.getId() > b.getId() ? a : b);
				}
			}
		}
		ProviderUsage usage = ProviderUsage.NONE;
		for (StepExecution step : latest.values()) {
			usage = usage.plus(RunContext.readUsage(step.getExecutionContext()));
		}
		return usage;
	}

	private static double seconds(LocalDateTime from, LocalDateTime to) {
		return from == null ? 0 : Duration.between(from, to).toMillis() / 1000.0;
	}

}
