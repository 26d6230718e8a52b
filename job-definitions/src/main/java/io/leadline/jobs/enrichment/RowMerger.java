package io.leadline.jobs.enrichment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.leadline.jobs.output.ResultSink;
import io.leadline.jobs.storage.ObjectInfo;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Streams every work object of a job into one result, in input row order. Objects are
 * sorted runs keyed by their first row; they are opened lazily, only once the merge
 * reaches their first row, so open streams stay bounded by the partition count, not the
 * number of chunks. Each row number is emitted once; a duplicate gets its first
 * occurrence's research and line.
 */
final class RowMerger {

	private static final Comparator<RowRecord> PREFERRED = Comparator
		.comparingInt((RowRecord r) -> r.status() == RowStatus.SKIPPED ? 0 : r.status() == RowStatus.FAILED ? 1 : 2);

	private long reused;

	private final ObjectStore store;

	private final WorkArea work;

	RowMerger(ObjectStore store, WorkArea work) {
		this.store = store;
		this.work = work;
	}

	/** Ok rows of the last merge that reused the owner's paid results. */
	long reusedRows() {
		return reused;
	}

	/**
	 * @return rows written per status
	 */
	Map<RowStatus, Long> mergeInto(ResultSink sink, ResultLayout layout, JobMeta meta) throws IOException {
		long[] duplicateTargets = loadDuplicateTargets();
		Map<Long, RowRecord> firstOccurrences = new HashMap<>();
		Map<RowStatus, Long> counts = new EnumMap<>(RowStatus.class);
		sink.header(layout.header());
		long written = 0;
		try (RunMerge runs = new RunMerge(sources())) {
			RowRecord row;
			while ((row = runs.next()) != null) {
				if (Arrays.binarySearch(duplicateTargets, row.rowNumber()) >= 0) {
					firstOccurrences.put(row.rowNumber(), row);
				}
				if (row.status() == RowStatus.DUPLICATE) {
					RowRecord first = firstOccurrences.get(row.dupOf());
					if (first != null) {
						row = row.withResultOf(first);
					}
				}
				sink.row(layout.cells(row));
				counts.merge(row.status(), 1L, Long::sum);
				if (row.isReused()) {
					reused++;
				}
				written++;
			}
		}
		if (written != meta.dataRows()) {
			throw new IllegalStateException(
					"merge of job %s found %d rows but the input has %d; work objects are missing"
						.formatted(work.jobId(), written, meta.dataRows()));
		}
		return counts;
	}

	private List<Run> sources() throws IOException {
		List<Run> runs = new ArrayList<>();
		for (ObjectInfo info : store.list(work.resolvedPrefix())) {
			runs.add(new Run(info.key()));
		}
		for (ObjectInfo info : store.list(work.chunkPrefix())) {
			runs.add(new Run(info.key()));
		}
		runs.sort(Comparator.comparingLong(Run::firstRow));
		return runs;
	}

	private long[] loadDuplicateTargets() throws IOException {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(store.open(work.duplicateTargetsKey()), StandardCharsets.US_ASCII))) {
			return reader.lines().mapToLong(Long::parseLong).toArray();
		}
	}

	/**
	 * A work object: a run of rows sorted by row number, starting at the row in its name.
	 */
	private final class Run {

		private final String key;

		private final long firstRow;

		private WorkFile.Reader<RowRecord> reader;

		private RowRecord current;

		Run(String key) {
			this.key = key;
			String name = key.substring(key.lastIndexOf('/') + 1, key.length() - ".csv".length());
			this.firstRow = Long.parseLong(name);
		}

		long firstRow() {
			return firstRow;
		}

		boolean open() throws IOException {
			reader = new WorkFile.Reader<>(store.open(key), RowRecord::fromFields);
			return advance();
		}

		boolean advance() throws IOException {
			if (reader.hasNext()) {
				current = reader.next();
				return true;
			}
			reader.close();
			return false;
		}

		void close() throws IOException {
			if (reader != null) {
				reader.close();
			}
		}

	}

	/**
	 * The k-way merge over runs; equal row numbers collapse to the most complete record.
	 */
	private static final class RunMerge implements AutoCloseable {

		private final List<Run> pending;

		private final PriorityQueue<Run> open = new PriorityQueue<>(
				Comparator.comparingLong(r -> r.current.rowNumber()));

		private int nextPending;

		RunMerge(List<Run> pending) {
			this.pending = pending;
		}

		RowRecord next() throws IOException {
			openRunsStartingBefore(Long.MAX_VALUE);
			if (open.isEmpty()) {
				return null;
			}
			RowRecord best = take();
			openRunsStartingBefore(best.rowNumber());
			while (!open.isEmpty() && open.peek().current.rowNumber() == best.rowNumber()) {
				RowRecord other = take();
				if (PREFERRED.compare(other, best) > 0) {
					best = other;
				}
				openRunsStartingBefore(best.rowNumber());
			}
			return best;
		}

		private RowRecord take() throws IOException {
			Run run = open.poll();
			RowRecord row = run.current;
			if (run.advance()) {
				open.add(run);
			}
			return row;
		}

		/**
		 * Opens pending runs that may hold a row at or before both {@code limit} and the
		 * open minimum.
		 */
		private void openRunsStartingBefore(long limit) throws IOException {
			while (nextPending < pending.size()) {
				long min = Math.min(limit, open.isEmpty() ? Long.MAX_VALUE : open.peek().current.rowNumber());
				Run run = pending.get(nextPending);
				if (run.firstRow() > min) {
					return;
				}
				nextPending++;
				if (run.open()) {
					open.add(run);
				}
			}
		}

		@Override
		public void close() throws IOException {
			for (Run run : open) {
				run.close();
			}
		}

	}

}
