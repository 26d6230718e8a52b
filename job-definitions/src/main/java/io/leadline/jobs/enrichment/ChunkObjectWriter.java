package io.leadline.jobs.enrichment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.leadline.jobs.storage.ObjectStore;

/**
 * Stores each committed chunk, with the rows it skipped, as its own object keyed by
 * partition and first row. A chunk retried after a crash writes the same key again, so
 * the result never holds a row twice.
 */
class ChunkObjectWriter implements ItemWriter<RowRecord> {

	private final ObjectStore store;

	private final WorkArea work;

	private final int partition;

	private final SkippedRows skipped;

	private final long stepExecutionId;

	private final JobLog jobLog;

	ChunkObjectWriter(ObjectStore store, WorkArea work, int partition, SkippedRows skipped, long stepExecutionId,
			JobLog jobLog) {
		this.jobLog = jobLog;
		this.store = store;
		this.work = work;
		this.partition = partition;
		this.skipped = skipped;
		this.stepExecutionId = stepExecutionId;
	}

	@Override
	public void write(Chunk<? extends RowRecord> chunk) throws Exception {
		List<RowRecord> rows = new ArrayList<>(chunk.getItems());
		rows.addAll(skipped.drain(stepExecutionId));
		if (rows.isEmpty()) {
			return;
		}
		rows.sort(Comparator.comparingLong(RowRecord::rowNumber));
		String key = work.chunkKey(partition, rows.get(0).rowNumber());
		store.write(key, out -> {
			WorkFile.Writer<RowRecord> writer = new WorkFile.Writer<>(out, RowRecord::toFields);
			for (RowRecord row : rows) {
				writer.write(row);
			}
			writer.flush();
		});
		long ok = rows.stream().filter(r -> r.status() == RowStatus.OK).count();
		jobLog.append(work.jobId(), "partition %d: rows %,d–%,d written (%d ok, %d not)".formatted(partition,
				rows.get(0).rowNumber(), rows.get(rows.size() - 1).rowNumber(), ok, rows.size() - ok));
	}

}
