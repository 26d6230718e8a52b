package io.leadline.jobs.input;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file record by record.
 *
 * <p>
 * Row numbering: entirely empty lines are skipped and not counted (editors and exports
 * leave them at the end); every other record is a data record and counted, even when all
 * its cells are blank. A record commons-csv cannot parse (a quote still open at the end
 * of the file) becomes one error record with the raw text of the rest, so it is reported
 * rather than lost.
 */
final class CsvTableReader {

	// why: a record may legitimately hold several long cells; beyond this it is a runaway
	// quote
	private static final int CELLS_OF_SLACK = 4;

	private static final int BUFFER_SLACK = 64 * 1024;

	private final Path file;

	private final SniffedFormat format;

	private final InputLimits limits;

	CsvTableReader(Path file, SniffedFormat format, InputLimits limits) {
		this.file = file;
		this.format = format;
		this.limits = limits;
	}

	void read(TableHandler handler) throws IOException {
		LimitGuard guard = new LimitGuard(limits);
		long maxRecordChars = (long) limits.maxCellChars() * CELLS_OF_SLACK + BUFFER_SLACK;
		try (Reader text = TextSource.open(file, format);
				RecordLengthGuard lengthGuard = new RecordLengthGuard(text, maxRecordChars);
				CSVParser parser = csvFormat().parse(lengthGuard)) {
			Iterator<CSVRecord> records = parser.iterator();
			List<String> header = readHeader(records);
			guard.checkHeader(header);
			handler.header(header);
			lengthGuard.recordEnded();
			long rowNumber = 0;
			long lineBreaks = parser.getCurrentLineNumber();
			while (true) {
				CSVRecord record;
				try {
					if (!records.hasNext()) {
						return;
					}
					record = records.next();
				}
				catch (RecordLengthGuard.RecordTooLongException e) {
					throw new InputLimitException(("row %,d runs past %,d characters, probably an unclosed quote;"
							+ " cells are limited to %,d characters")
						.formatted(rowNumber + 1, maxRecordChars, limits.maxCellChars()));
				}
				catch (UncheckedIOException | IllegalStateException e) {
					rowNumber++;
					guard.checkRow(rowNumber, List.of());
					handler.row(SourceRecord.unparsable(rowNumber, reason(e), RawTail.after(file, format, lineBreaks)));
					return;
				}
				rowNumber++;
				List<String> cells = record.toList();
				guard.checkRow(rowNumber, cells);
				handler.row(SourceRecord.of(rowNumber, cells));
				lengthGuard.recordEnded();
				lineBreaks = parser.getCurrentLineNumber();
			}
		}
	}

	private static List<String> readHeader(Iterator<CSVRecord> records) {
		try {
			if (!records.hasNext()) {
				throw new UnsupportedInputException("the file is empty");
			}
			List<String> header = records.next().toList();
			return header.isEmpty() ? header : withoutBom(header);
		}
		catch (RecordLengthGuard.RecordTooLongException | UncheckedIOException | IllegalStateException e) {
			throw new UnsupportedInputException("the header line cannot be read: " + reason(e), e);
		}
	}

	// why: a second BOM (a file concatenated from two exports) must not end up in a
	// column name
	private static List<String> withoutBom(List<String> header) {
		String first = header.get(0);
		if (!first.startsWith("\uFEFF")) {
			return header;
		}
		List<String> copy = new ArrayList<>(header);
		copy.set(0, first.substring(1));
		return copy;
	}

	private CSVFormat csvFormat() {
		return CSVFormat.RFC4180.builder()
			.setDelimiter(format.delimiter())
			.setIgnoreEmptyLines(true)
			// why: `"Acme" Inc` is kept as `Acme Inc` instead of failing the rest of the
			// file
			.setTrailingData(true)
			.get();
	}

	private static String reason(RuntimeException e) {
		Throwable root = e;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
		if (message.contains("EOF reached before encapsulated token finished")) {
			return "unclosed quote: the record runs to the end of the file";
		}
		return "cannot parse: " + message.replaceAll("\\s+", " ").strip();
	}

}
