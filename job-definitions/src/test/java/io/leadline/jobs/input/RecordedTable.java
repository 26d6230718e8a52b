package io.leadline.jobs.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A handler that keeps what it is told, for tests of small files. */
final class RecordedTable implements TableHandler {

	List<String> header;

	final List<SourceRecord> rows = new ArrayList<>();

	SniffedFormat format;

	static RecordedTable readTable(Path file) throws IOException {
		return readTable(file, InputLimits.defaults());
	}

	static RecordedTable readTable(Path file, InputLimits limits) throws IOException {
		RecordedTable table = new RecordedTable();
		table.format = TableReader.read(file, table, limits);
		return table;
	}

	@Override
	public void header(List<String> names) {
		if (header != null) {
			throw new AssertionError("header called twice");
		}
		header = names;
	}

	@Override
	public void row(SourceRecord record) {
		if (header == null) {
			throw new AssertionError("row before header");
		}
		rows.add(record);
	}

	List<List<String>> cells() {
		return rows.stream().map(SourceRecord::cells).toList();
	}

}
