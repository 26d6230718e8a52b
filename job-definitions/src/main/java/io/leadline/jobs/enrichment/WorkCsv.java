package io.leadline.jobs.enrichment;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The work area's file format: headerless UTF-8 CSV, one record per row. CSV because rows are
 * ragged and any cell may hold newlines or quotes; commons-csv round-trips all of it.
 */
final class WorkCsv {

	// why: no empty-line skipping, so a row whose only cell is empty survives the round trip
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
		.setRecordSeparator('\n')
		.setIgnoreEmptyLines(false)
		.get();

	private WorkCsv() {
	}

	/** The fields of a record from {@code from} on: the original cells after the fixed fields. */
	static List<String> tail(CSVRecord record, int from) {
		List<String> cells = new ArrayList<>(Math.max(0, record.size() - from));
		for (int i = from; i < record.size(); i++) {
			cells.add(record.get(i));
		}
		return cells;
	}

	/** Appends records to a stream; closing it closes the stream. */
	static final class Writer<T> implements Closeable {

		private final CSVPrinter printer;

		private final Function<T, List<String>> fields;

		Writer(OutputStream out, Function<T, List<String>> fields) throws IOException {
			this.printer = new CSVPrinter(
					new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), FORMAT);
			this.fields = fields;
		}

		void write(T item) throws IOException {
			printer.printRecord(fields.apply(item));
		}

		/** Pushes buffered records to the stream without closing it. */
		void flush() throws IOException {
			printer.flush();
		}

		@Override
		public void close() throws IOException {
			printer.close(true);
		}
	}

	/** Reads records back in the order they were written. */
	static final class Reader<T> implements Iterator<T>, Closeable {

		private final CSVParser parser;

		private final Iterator<CSVRecord> records;

		private final Function<CSVRecord, T> parse;

		Reader(InputStream in, Function<CSVRecord, T> parse) throws IOException {
			this.parser = CSVParser.builder()
				.setReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16))
				.setFormat(FORMAT)
				.get();
			this.records = parser.iterator();
			this.parse = parse;
		}

		@Override
		public boolean hasNext() {
			try {
				return records.hasNext();
			}
			catch (UncheckedIOException e) {
				throw new IllegalStateException("work file is corrupt: " + e.getMessage(), e);
			}
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return parse.apply(records.next());
		}

		@Override
		public void close() throws IOException {
			parser.close();
		}
	}
}
