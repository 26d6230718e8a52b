package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.listener.JobExecutionListener;
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
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.ResearchedRows;
import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.research.BatchResearch;
import io.leadline.jobs.research.ProspectResearcher;
import io.leadline.jobs.research.ProviderPrices;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.research.ResearchProperties;
import io.leadline.jobs.research.ServiceContext;
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

	static final String MERGE = "merge";

	static final String CLEANUP = "cleanup";

	static boolean isWorkerStep(String stepName) {
		return stepName.startsWith(WORKER + ":");
	}

	/**
	 * @param listeners what the application adds around every run (credits, leases), in
	 * order
	 */
	@Bean
	Job enrichmentJob(JobRepository jobRepository, Step prepare, Step enrichBatch, Step enrich, Step merge,
			Step cleanup, JobHalt halt, JobLog jobLog, ObjectProvider<JobExecutionListener> listeners) {
		JobBuilder job = new JobBuilder(JOB, jobRepository).listener(new EnrichmentJobListener(halt, jobLog));
		listeners.orderedStream().forEach(job::listener);
		return job.start(prepare).next(enrichBatch).next(enrich).next(merge).next(cleanup).build();
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
	 * write the rows; a no-op in live mode.
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
				ExecutionContext context = new ExecutionContext();
				context.putInt("partition", p);
				partitions.put("partition%04d".formatted(p), context);
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
	TaskExecutorPartitionHandler enrichPartitionHandler(@Value("#{jobParameters['chunkSize']}") Long chunkSize,
			@Value("#{jobParameters['partitions']}") Long partitions, JobRepository jobRepository,
			PlatformTransactionManager transactionManager, ItemStreamReader<ProspectRow> enrichReader,
			ItemProcessor<ProspectRow, RowRecord> enrichProcessor, ItemWriter<RowRecord> enrichWriter,
			UsageMeter usageMeter, SkipListener<ProspectRow, RowRecord> skippedRowRecorder, JobLog jobLog,
			@Value("#{jobParameters['jobId']}") String jobId, EnrichmentProperties properties,
			AsyncTaskExecutor rowExecutor, AsyncTaskExecutor partitionExecutor) {
		Step worker = new StepBuilder(WORKER, jobRepository).<ProspectRow, RowRecord>chunk(chunkSize.intValue())
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
			.retryListener(new RetryLogger(jobLog, UUID.fromString(jobId)))
			.skipListener(skippedRowRecorder)
			.taskExecutor(rowExecutor)
			.build();
		TaskExecutorPartitionHandler handler = new TaskExecutorPartitionHandler();
		handler.setStep(worker);
		handler.setTaskExecutor(partitionExecutor);
		handler.setGridSize(partitions.intValue());
		return handler;
	}

	@Bean
	@StepScope
	PartitionFileReader enrichReader(@Value("#{stepExecutionContext['partition']}") Integer partition,
			@Value("#{stepExecution}") StepExecution stepExecution, ObjectStore store) {
		WorkArea work = EnrichmentRequest.from(stepExecution.getJobParameters()).workArea();
		return new PartitionFileReader(store, work.partitionInputKey(partition));
	}

	@Bean
	@StepScope
	EnrichmentProcessor enrichProcessor(@Value("#{stepExecution}") StepExecution stepExecution,
			@Value("#{stepExecutionContext['partition']}") Integer partition, ProspectResearcher researcher,
			UsageMeter usageMeter, JobHalt halt, JobMetaStore metaStore, ObjectStore store,
			ResearchedRows researchedRows) throws IOException {
		EnrichmentRequest request = EnrichmentRequest.from(stepExecution.getJobParameters());
		EnrichmentProcessor.RowResearch research = switch (EnrichmentMode.of(stepExecution.getJobParameters())) {
			case BATCH -> BatchResults.load(store, request.workArea(), partition)::of;
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
	ChunkObjectWriter enrichWriter(@Value("#{stepExecutionContext['partition']}") Integer partition,
			@Value("#{stepExecution}") StepExecution stepExecution, ObjectStore store, SkippedRows skippedRows,
			JobLog jobLog) {
		WorkArea work = EnrichmentRequest.from(stepExecution.getJobParameters()).workArea();
		return new ChunkObjectWriter(store, work, partition, skippedRows, stepExecution.getId(), jobLog);
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
