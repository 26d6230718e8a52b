package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadline.jobs.input.InputFormat;
import io.leadline.jobs.output.ResultSink;
import io.leadline.jobs.storage.LocalObjectStore;

class RowMergerTest {

	@TempDir
	Path root;

	LocalObjectStore store;

	WorkArea work;

	@BeforeEach
	void emptyWorkArea() throws IOException {
		store = new LocalObjectStore(root);
		work = new WorkArea(UUID.randomUUID(), "tester");
		duplicateTargets();
	}

	@Test
	void interleavesResolvedSegmentsAndChunksInRowOrder() throws IOException {
		resolved(1, aRow(1, RowStatus.INVALID), aRow(4, RowStatus.INVALID), aRow(9, RowStatus.NO_PROVIDER));
		chunk(0, aRow(2, RowStatus.OK), aRow(3, RowStatus.OK));
		chunk(1, aRow(5, RowStatus.OK), aRow(6, RowStatus.FAILED));
		chunk(0, aRow(7, RowStatus.OK), aRow(8, RowStatus.OK));

		List<List<String>> rows = merge(9);

		assertThat(rows).extracting(row -> row.get(0)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9");
	}

	@Test
	void emitsARowFoundTwiceOnceKeepingTheMoreCompleteRecord() throws IOException {
		chunk(0, aRow(1, RowStatus.OK), aRow(2, RowStatus.SKIPPED));
		resolved(2, aRow(2, RowStatus.OK));

		List<List<String>> rows = merge(2);

		assertThat(rows).extracting(row -> row.get(0) + ":" + row.get(row.size() - 2)).containsExactly("1:ok", "2:ok");
	}

	@Test
	void givesADuplicateItsFirstOccurrencesResearch() throws IOException {
		duplicateTargets(1);
		chunk(0, new RowRecord(1, RowStatus.OK, "", "{\"person\":\"Ann\"}", "Hi Ann", 0, List.of("1")));
		resolved(2, RowRecord.duplicateOf(2, 1, List.of("2")));

		List<List<String>> rows = merge(2);

		assertThat(rows.get(1)).containsExactly("2", "{\"person\":\"Ann\"}", "Hi Ann", "duplicate",
				"duplicate of row 1");
	}

	@Test
	void refusesToWriteAResultWithMissingRows() throws IOException {
		chunk(0, aRow(1, RowStatus.OK));

		assertThatThrownBy(() -> merge(2)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("found 1 rows but the input has 2");
	}

	private static RowRecord aRow(long row, RowStatus status) {
		return new RowRecord(row, status, "", "", "", 0, List.of(Long.toString(row)));
	}

	private void resolved(long firstRow, RowRecord... rows) throws IOException {
		write(work.resolvedKey(firstRow), rows);
	}

	private void chunk(int partition, RowRecord... rows) throws IOException {
		write(work.chunkKey(partition, rows[0].rowNumber()), rows);
	}

	private void write(String key, RowRecord... rows) throws IOException {
		try (var writer = new WorkFile.Writer<RowRecord>(store.create(key), RowRecord::toFields)) {
			for (RowRecord row : rows) {
				writer.write(row);
			}
		}
	}

	private void duplicateTargets(long... rows) throws IOException {
		try (OutputStream out = store.create(work.duplicateTargetsKey())) {
			for (long row : rows) {
				out.write((row + "\n").getBytes(StandardCharsets.US_ASCII));
			}
		}
	}

	private List<List<String>> merge(long dataRows) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		ResultSink sink = new ResultSink() {
			@Override
			public void header(List<String> names) {
			}

			@Override
			public void row(List<String> cells) {
				rows.add(cells);
			}

			@Override
			public void close() {
			}
		};
		JobMeta meta = new JobMeta(List.of("id"), 0, "id", InputFormat.CSV, dataRows, 0, 0, RowCounts.NONE);
		new RowMerger(store, work).mergeInto(sink, ResultLayout.of(List.of("id"), List.of()), meta);
		return rows;
	}

}
