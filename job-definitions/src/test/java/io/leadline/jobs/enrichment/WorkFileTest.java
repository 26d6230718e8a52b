package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class WorkFileTest {

	@Test
	void roundTripsAnyCellExactlyIncludingEmptyRaggedAndMultilineOnes() throws IOException {
		List<RowRecord> rows = List.of(
				new RowRecord(1, RowStatus.OK, "", "{\"a\":[1,2]}", "Hi, \"Zoë\"\nsecond line", 0, List.of("", "日本 ✓")),
				new RowRecord(2, RowStatus.DUPLICATE, "duplicate of row 1", "", "", 1, List.of("x".repeat(40_000))),
				new RowRecord(3, RowStatus.SKIPPED, "unreadable row", "", "", 0, List.of()));
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (var writer = new WorkFile.Writer<RowRecord>(bytes, RowRecord::toFields)) {
			for (RowRecord row : rows) {
				writer.write(row);
			}
		}

		List<RowRecord> read = new ArrayList<>();
		try (var reader = new WorkFile.Reader<>(new ByteArrayInputStream(bytes.toByteArray()), RowRecord::fromFields)) {
			reader.forEachRemaining(read::add);
		}

		assertThat(read).isEqualTo(rows);
	}

}
