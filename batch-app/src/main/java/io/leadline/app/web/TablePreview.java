package io.leadline.app.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import io.leadline.jobs.input.TableHandler;
import io.leadline.jobs.input.TableReader;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The first rows of a stored list or result, read with the same reader jobs use; reading
 * stops once it has them.
 */
@Component
class TablePreview {

	private final ObjectStore store;

	TablePreview(ObjectStore store) {
		this.store = store;
	}

	/** Headers and at most {@code rows} data rows, each padded to the headers. */
	public record Table(List<String> headers, List<List<String>> rows) {

		public Table {
			headers = List.copyOf(headers);
			rows = List.copyOf(rows);
		}

		public int column(String header) {
			return headers.indexOf(header);
		}
	}

	Table firstRows(String objectKey, int rows) throws IOException {
		Path temp = Files.createTempFile("leadline-preview-", ".bin");
		try {
			store.copyTo(objectKey, temp);
			Collector collector = new Collector(rows);
			try {
				TableReader.read(temp, collector);
			}
			catch (RuntimeException e) {
				if (!collector.isFull()) {
					throw e;
				}
			}
			return new Table(collector.headers, collector.rows);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	// why: the readers stream the whole file; leaving early by an exception keeps a
	// preview of a million-row list as cheap as one of ten
	private static final class Collector implements TableHandler {

		private final int limit;

		private List<String> headers = List.of();

		private final List<List<String>> rows = new ArrayList<>();

		Collector(int limit) {
			this.limit = limit;
		}

		@Override
		public void header(List<String> names) {
			headers = names;
		}

		@Override
		public void row(io.leadline.jobs.input.SourceRecord record) {
			if (record.isBlank()) {
				return;
			}
			if (isFull()) {
				throw new Enough();
			}
			List<String> cells = new ArrayList<>(headers.size());
			for (int i = 0; i < headers.size(); i++) {
				cells.add(record.cell(i));
			}
			rows.add(cells);
		}

		boolean isFull() {
			return rows.size() >= limit;
		}

	}

	private static final class Enough extends RuntimeException {

		Enough() {
			super("preview complete", null, false, false);
		}

	}

}
