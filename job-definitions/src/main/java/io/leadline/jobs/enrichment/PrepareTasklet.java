package io.leadline.jobs.enrichment;

import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.input.SniffedFormat;
import io.leadline.jobs.input.TableReader;
import io.leadline.jobs.research.ProviderSettings;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Step 1: streams the input once and splits it into work objects (see
 * {@link ListPreparation}). It starts by clearing the job's work area, so a prepare that
 * died half-way simply runs again.
 */
final class PrepareTasklet implements Tasklet {

	private static final Logger log = LoggerFactory.getLogger(PrepareTasklet.class);

	private final ObjectStore store;

	private final ProviderSettings providers;

	private final EnrichmentProperties properties;

	private final InputLimits limits;

	private final JobMetaStore metaStore;

	PrepareTasklet(ObjectStore store, ProviderSettings providers, EnrichmentProperties properties, InputLimits limits,
			JobMetaStore metaStore) {
		this.store = store;
		this.providers = providers;
		this.properties = properties;
		this.limits = limits;
		this.metaStore = metaStore;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		EnrichmentRequest request = EnrichmentRequest.from(contribution.getStepExecution().getJobParameters());
		WorkArea work = request.workArea();
		store.deletePrefix(work.workPrefix());
		Path local = Files.createTempFile("leadline-input-", ".tmp");
		try {
			store.copyTo(request.inputKey(), local);
			String noProvider = providers.configured() ? null : providers.missingReason();
			JobMeta meta;
			try (ListPreparation preparation = new ListPreparation(store, request, noProvider,
					properties.resolvedSegmentRows())) {
				SniffedFormat sniffed = TableReader.read(local, preparation, limits);
				meta = preparation.finish(sniffed.format());
			}
			metaStore.save(work, meta);
			ExecutionContext jobContext = contribution.getStepExecution().getJobExecution().getExecutionContext();
			RunContext.recordPrepared(jobContext, meta);
			contribution.incrementWriteCount(meta.resolvedRows());
			log.info(
					"job {} prepared {} rows: {} to research, {} invalid, {} duplicate, {} unreadable, {} without provider",
					request.jobId(), meta.dataRows(), meta.pendingRows(), meta.settled().of(RowStatus.INVALID),
					meta.settled().of(RowStatus.DUPLICATE), meta.settled().of(RowStatus.SKIPPED),
					meta.settled().of(RowStatus.NO_PROVIDER));
			return RepeatStatus.FINISHED;
		}
		finally {
			Files.deleteIfExists(local);
		}
	}

}
