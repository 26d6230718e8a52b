package io.leadline.jobs.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.research.BatchResearch;
import io.leadline.jobs.research.BatchState;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Step 2a, batch mode only: researches every pending row through the provider's Batch API
 * ({@link BatchResearch}), one move per call, and leaves each row's result in the work
 * area for the enrich step, whose processor then writes the chunks, counts usage and
 * books credits exactly as in live mode. Each move returns {@code CONTINUABLE}, so Batch
 * saves the {@link BatchState} in this step's execution context after every move: a
 * crash, a stop or a restart resumes from it, polling the batches already at the provider
 * instead of submitting their rows again. In live mode it does nothing.
 */
class BatchEnrichTasklet implements Tasklet {

	private final BatchResearch research;

	private final ObjectStore store;

	private final JobMetaStore metaStore;

	private final JobLog jobLog;

	private BatchResearch.Job job;

	private Map<Long, Integer> partitionOfRow;

	BatchEnrichTasklet(BatchResearch research, ObjectStore store, JobMetaStore metaStore, JobLog jobLog) {
		this.research = research;
		this.store = store;
		this.metaStore = metaStore;
		this.jobLog = jobLog;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
		StepExecution step = contribution.getStepExecution();
		EnrichmentRequest request = EnrichmentRequest.from(step.getJobParameters());
		if (request.mode() != EnrichmentMode.BATCH) {
			return RepeatStatus.FINISHED;
		}
		if (job == null) {
			job = open(request, RunContext.batchState(step).orElse(BatchState.start()));
		}
		boolean done = research.advance(job);
		RunContext.recordBatchState(step.getExecutionContext(), job.state());
		if (!done) {
			return RepeatStatus.CONTINUABLE;
		}
		writeResults(request.workArea(), request.partitions());
		return RepeatStatus.FINISHED;
	}

	private BatchResearch.Job open(EnrichmentRequest request, BatchState state) throws IOException {
		WorkArea work = request.workArea();
		RowProspect prospects = new RowProspect(metaStore.load(work).fieldMapping());
		List<BatchResearch.Row> rows = new ArrayList<>();
		partitionOfRow = new HashMap<>();
		for (int p = 0; p < request.partitions(); p++) {
			try (WorkFile.Reader<ProspectRow> reader = new WorkFile.Reader<>(store.open(work.partitionInputKey(p)),
					ProspectRow::fromFields)) {
				while (reader.hasNext()) {
					ProspectRow row = reader.next();
					rows.add(new BatchResearch.Row(row.rowNumber(), prospects.of(row)));
					partitionOfRow.put(row.rowNumber(), p);
				}
			}
		}
		// why: rows in list order, so batches and custom ids follow the list
		rows.sort((a, b) -> Long.compare(a.number(), b.number()));
		return new BatchResearch.Job(rows, request.service(), state, new StoredWork(store, work.batchPrefix()),
				line -> jobLog.append(request.jobId(), line));
	}

	private void writeResults(WorkArea work, int partitions) throws IOException {
		List<StringBuilder> lines = new ArrayList<>();
		for (int p = 0; p < partitions; p++) {
			lines.add(new StringBuilder());
		}
		job.results()
			.forEach((row, result) -> lines.get(partitionOfRow.get(row))
				.append(JsonMapper.shared().writeValueAsString(new BatchResults.Line(row, result)))
				.append('\n'));
		for (int p = 0; p < partitions; p++) {
			byte[] bytes = lines.get(p).toString().getBytes(StandardCharsets.UTF_8);
			store.write(work.batchResultsKey(p), out -> out.write(bytes));
		}
	}

	/** The batch research's files, under the job's work area. */
	private record StoredWork(ObjectStore store, String prefix) implements BatchResearch.Work {

		@Override
		public void write(String name, String text) {
			try {
				byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
				store.write(prefix + name, out -> out.write(bytes));
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot write " + prefix + name, e);
			}
		}

		@Override
		public Optional<String> read(String name) {
			try {
				if (store.stat(prefix + name).isEmpty()) {
					return Optional.empty();
				}
				try (InputStream in = store.open(prefix + name)) {
					return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + prefix + name, e);
			}
		}

		@Override
		public void write(String name, Body body) {
			try {
				// why: the store publishes the object only if body returns, so a download
				// cut short leaves no half file for a restart to trust
				store.write(prefix + name, body::writeTo);
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot write " + prefix + name, e);
			}
		}

		@Override
		public void forEachLine(String name, Consumer<String> line) {
			try {
				if (store.stat(prefix + name).isEmpty()) {
					return;
				}
				try (BufferedReader reader = new BufferedReader(
						new InputStreamReader(store.open(prefix + name), StandardCharsets.UTF_8))) {
					reader.lines().forEach(line);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("cannot read " + prefix + name, e);
			}
		}

	}

}
