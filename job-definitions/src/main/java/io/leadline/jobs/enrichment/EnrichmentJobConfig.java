package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.SkipListener;
import org.springframework.batch.core.partition.PartitionHandler;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.partition.support.TaskExecutorPartitionHandler;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.ResearchedRows;
import io.leadline.jobs.enrichment.EnrichmentRunHook.Slot;
import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.research.BatchResearch;
import io.leadline.jobs.research.ProspectResearcher;
import io.leadline.jobs.research.ProviderPrices;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.research.ResearchProperties;
import io.leadline.jobs.research.TransientProviderException;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The enrichment job, read top to bottom: prepare → partitioned enrich → merge → cleanup,
 * then the parts of each step. Retry and skip policies are declared here, on the worker
 * step.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EnrichmentProperties.class)
public class EnrichmentJobConfig {

	public static final String JOB = "enrichmentJob";

	static final String PREPARE = "prepare";

	static final String ENRICH_BATCH = "enrichBatch";

	static final String ENRICH = "enrich";

	static final String WORKER = "enrichWorker";

	/** What every partition's step name starts with; see {@link #isWorkerStep}. */
	public static final String WORKER_STEP_PREFIX = WORKER + ":";

	static final String MERGE = "merge";

	static final String CLEANUP = "cleanup";

	/**
	 * Batch names a partition's step {@code enrichWorker:partition0003}: the worker step,
	 * a colon, then the partition's name.
	 */
	static boolean isWorkerStep(String stepName) {
		return stepName.startsWith(WORKER_STEP_PREFIX);
	}

	private static String partitionName(int partition) {
		return "partition%04d".formatted(partition);
	}

	/**
	 * The run's listeners, in order: each {@code beforeJob} runs top to bottom, each
	 * {@code afterJob} bottom to top (Batch ends them in reverse). The application's
	 * parts join in their named slots; without the application the slots stay empty.
	 */
	@Bean
	Job enrichmentJob(JobRepository jobRepository, Step prepare, Step enrichBatch, Step enrich, Step merge,
			Step cleanup, JobHalt halt, JobLog jobLog, CreditLedger credits, List<EnrichmentRunHook> hooks) {
		JobBuilder job = new JobBuilder(JOB, jobRepository);
		// 1. the application's lease: this process holds the run (crash recovery)
		hook(hooks, Slot.LEASE).ifPresent(job::listener);
		// 2. the application's notice of the run's end (its afterJob runs after the
		// ones below, so the event sees the exit description and the settled credits)
		hook(hooks, Slot.NOTIFY).ifPresent(job::listener);
		// 3. the job log's start and end lines; a fatal provider error as exit
		// description
		job.listener(new EnrichmentJobListener(halt, jobLog));
		// 4. credits: reserve before the run (a no-op when the application reserved);
		// a failed run gives back what it did not do; merge settles
		job.listener(new CreditBooking(credits, jobRepository));
		// 5. the application's metrics of completed runs (their afterJob runs first)
		hook(hooks, Slot.METRICS).ifPresent(job::listener);
		return job.start(prepare).next(enrichBatch).next(enrich).next(merge).next(cleanup).build();
	}

	private static Optional<EnrichmentRunHook> hook(List<EnrichmentRunHook> hooks, Slot slot) {
		List<EnrichmentRunHook> inSlot = hooks.stream().filter(hook -> hook.slot() == slot).toList();
		if (inSlot.size() > 1) {
			throw new IllegalStateException("more than one enrichment run hook in slot " + slot + ": " + inSlot);
		}
		return inSlot.stream().findFirst();
	}

	@Bean
	Step prepare(JobRepository jobRepository, PlatformTransactionManager transactionManager, ObjectStore store,
			ProviderSettings providers, EnrichmentProperties properties, InputLimits limits, JobMetaStore metaStore) {
		return new StepBuilder(PREPARE, jobRepository)
			.tasklet(new PrepareTasklet(store, providers, properties, limits, metaStore), transactionManager)
			.build();
	}

	/**
	 * Batch mode's model calls through the provider's Batch API, before the partitions
	 * write the rows; it does nothing in live mode.
	 */
	@Bean
	Step enrichBatch(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			BatchEnrichTasklet batchEnrichTasklet) {
		return new StepBuilder(ENRICH_BATCH, jobRepository).tasklet(batchEnrichTasklet, transactionManager).build();
	}

	@Bean
	Step enrich(JobRepository jobRepository, Partitioner enrichPartitioner, PartitionHandler enrichPartitionHandler) {
		return new StepBuilder(ENRICH, jobRepository).partitioner(WORKER, enrichPartitioner)
			.partitionHandler(enrichPartitionHandler)
			.build();
	}

	@Bean
	Step merge(JobRepository jobRepository, PlatformTransactionManager transactionManager, ObjectStore store,
			JobMetaStore metaStore, JsonMapper json, EnrichmentProperties properties, ProviderPrices prices,
			CreditLedger ledger) {
		return new StepBuilder(MERGE, jobRepository)
			.tasklet(new MergeTasklet(store, metaStore, json, properties.csvBom(), jobRepository, prices, ledger),
					transactionManager)
			.build();
	}

	@Bean
	Step cleanup(JobRepository jobRepository, PlatformTransactionManager transactionManager, ObjectStore store) {
		return new StepBuilder(CLEANUP, jobRepository).tasklet(new CleanupTasklet(store), transactionManager).build();
	}

	// --- enrich: one partition per partition file, each a fault-tolerant chunk step

	@Bean
	Partitioner enrichPartitioner() {
		return gridSize -> {
			Map<String, ExecutionContext> partitions = new HashMap<>();
			for (int p = 0; p < gridSize; p++) {
				partitions.put(partitionName(p), RunContext.partition(p));
			}
			return partitions;
		};
	}

	/**
	 * Built per job execution because chunk size and partition count are job parameters:
	 * a restart keeps the values its JobInstance started with, whatever the configuration
	 * says today.
	 */
	@Bean
	@StepScope
	TaskExecutorPartitionHandler enrichPartitionHandler(EnrichmentRequest request, Step enrichWorker,
			AsyncTaskExecutor partitionExecutor) {
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(enrichWorker);
		handler.setTaskExecutor(partitionExecutor);
		handler.setGridSize(request.partitions());
		return handler;
	}

	/**
	 * One partition: a fault-tolerant chunk step whose rows run concurrently on the row
	 * pool. Transient provider failures are retried with back-off; a row that still fails
	 * is skipped (recorded as {@code failed}), never the whole job.
	 */
	@Bean
	@Scope(value = "step", proxyMode = ScopedProxyMode.NO)
	Step enrichWorker(EnrichmentRequest request, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, ItemStreamReader<ProspectRow> enrichReader,
			ItemProcessor<ProspectRow, RowRecord> enrichProcessor, ItemWriter<RowRecord> enrichWriter,
			UsageMeter usageMeter, SkipListener<ProspectRow, RowRecord> skippedRowRecorder, JobLog jobLog,
			EnrichmentProperties properties, AsyncTaskExecutor rowExecutor) {
		return new StepBuilder(WORKER, jobRepository).<ProspectRow, RowRecord>chunk(request.chunkSize())
			.transactionManager(transactionManager)
			.reader(enrichReader)
			.processor(enrichProcessor)
			.writer(enrichWriter)
			.stream(usageMeter)
			.faultTolerant()
			.retryPolicy(RetryPolicy.builder()
				.includes(TransientProviderException.class)
				.maxRetries(properties.retryLimit())
				.delay(properties.retryDelay())
				.multiplier(2)
				.maxDelay(properties.retryMaxDelay())
				.build())
			.skipPolicy(new RowSkipPolicy(properties.skipLimit()))
			.retryListener(new RetryLogger(jobLog, request.jobId()))
			.skipListener(skippedRowRecorder)
			.taskExecutor(rowExecutor)
			.build();
	}

	/**
	 * The job's request, read from the job parameters of the step at hand.
	 */
	// why: a record cannot be proxied; every consumer is step-scoped, so each gets the
	// request resolved in its own step
	@Bean
	@Scope(value = "step", proxyMode = ScopedProxyMode.NO)
	EnrichmentRequest enrichmentRequest(@Value("#{stepExecution}") StepExecution stepExecution) {
		return EnrichmentRequest.from(stepExecution.getJobParameters());
	}

	@Bean
	@StepScope
	PartitionFileReader enrichReader(@Value("#{stepExecution}") StepExecution stepExecution, EnrichmentRequest request,
			ObjectStore store) {
		return new PartitionFileReader(store,
				request.workArea().partitionInputKey(RunContext.partitionOf(stepExecution)));
	}

	@Bean
	@StepScope
	EnrichmentProcessor enrichProcessor(EnrichmentRequest request,
			@Value("#{stepExecution}") StepExecution stepExecution, ProspectResearcher researcher,
			UsageMeter usageMeter, JobHalt halt, JobMetaStore metaStore, ObjectStore store,
			ResearchedRows researchedRows) throws IOException {
		EnrichmentProcessor.RowResearch research = switch (request.mode()) {
			case BATCH -> BatchResults.load(store, request.workArea(), RunContext.partitionOf(stepExecution))::of;
			case LIVE -> EnrichmentProcessor.RowResearch.live(researcher,
					new RowProspect(metaStore.load(request.workArea()).fieldMapping()), request);
		};
		return new EnrichmentProcessor(research, request, usageMeter, halt, stepExecution.getJobExecutionId(),
				researchedRows);
	}

	@Bean
	@StepScope
	BatchEnrichTasklet batchEnrichTasklet(BatchResearch batchResearch, ObjectStore store, JobMetaStore metaStore,
			JobLog jobLog) {
		return new BatchEnrichTasklet(batchResearch, store, metaStore, jobLog);
	}

	@Bean
	@StepScope
	ChunkObjectWriter enrichWriter(@Value("#{stepExecution}") StepExecution stepExecution, EnrichmentRequest request,
			ObjectStore store, SkippedRows skippedRows, JobLog jobLog) {
		return new ChunkObjectWriter(store, request.workArea(), RunContext.partitionOf(stepExecution), skippedRows,
				stepExecution.getId(), jobLog);
	}

	@Bean
	@StepScope
	UsageMeter usageMeter() {
		return new UsageMeter();
	}

	@Bean
	@StepScope
	SkipListener<ProspectRow, RowRecord> skippedRowRecorder(@Value("#{stepExecution.id}") Long stepExecutionId,
			SkippedRows skippedRows) {
		return skippedRows.listener(stepExecutionId);
	}

	// --- shared parts

	/**
	 * Rows in flight against providers, across every partition of every job in this JVM.
	 */
	@Bean
	AsyncTaskExecutor rowExecutor(ResearchProperties research) {
		return pool("leadline-row-", research.concurrency());
	}

	/** Partitions run on their own pool: a partition thread only waits on its rows. */
	@Bean
	AsyncTaskExecutor partitionExecutor(EnrichmentProperties properties) {
		return pool("leadline-partition-", Math.max(properties.partitions(), 4) * 2);
	}

	private static ThreadPoolTaskExecutor pool(String prefix, int threads) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix(prefix);
		executor.setCorePoolSize(threads);
		executor.setMaxPoolSize(threads);
		executor.setWaitForTasksToCompleteOnShutdown(false);
		executor.initialize();
		return executor;
	}

	@Bean
	JobLog jobLog(JdbcTemplate jdbc) {
		return new JobLog(jdbc);
	}

	@Bean
	JobHalt jobHalt() {
		return new JobHalt();
	}

	@Bean
	SkippedRows skippedRows() {
		return new SkippedRows();
	}

	@Bean
	JobMetaStore jobMetaStore(ObjectStore store, JsonMapper json) {
		return new JobMetaStore(store, json);
	}

}
