package io.leadline.jobs.enrichment;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import io.leadline.jobs.storage.ObjectStore;

/**
 * Step 4: deletes the job's work objects; it runs only after merge has committed the
 * result.
 */
final class CleanupTasklet implements Tasklet {

	private final ObjectStore store;

	CleanupTasklet(ObjectStore store) {
		this.store = store;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		EnrichmentRequest request = EnrichmentRequest.from(contribution.getStepExecution().getJobParameters());
		store.deletePrefix(request.workArea().workPrefix());
		return RepeatStatus.FINISHED;
	}

}
