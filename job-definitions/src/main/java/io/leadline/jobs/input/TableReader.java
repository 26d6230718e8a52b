package io.leadline.jobs.input;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one way into a prospect list: sniffs the file by content, then streams every record
 * to a {@link TableHandler}. Memory stays flat however long the file is, so the same call
 * serves the upload inspection (count rows, guess the email column) and the prepare step.
 *
 * <pre>{@code
 * SniffedFormat format = TableReader.read(path, new TableHandler() {
 *   public void header(List<String> names) { headers = Headers.of(names); }
 *   public void row(SourceRecord record) { rows++; }
 * });
 * }</pre>
 *
 * <p>
 * CSV: empty lines are skipped and not counted; a line of blank cells is a (blank)
 * record. XLSX: first sheet only; rows without any value are skipped and not counted.
 */
public final class TableReader {

	private TableReader() {
	}

	/**
	 * @throws UnsupportedInputException when the file is not a CSV or XLSX list
	 */
	public static SniffedFormat sniff(Path file) throws IOException {
		return FormatSniffer.sniff(file);
	}

	/** Reads with {@link InputLimits#defaults()}. */
	public static SniffedFormat read(Path file, TableHandler handler) throws IOException {
		return read(file, handler, InputLimits.defaults());
	}

	/**
	 * @return what sniffing found, so a later pass can be checked against it
	 * @throws UnsupportedInputException when the file is not a list we can read
	 * @throws InputLimitException when the file breaks one of the limits
	 */
	public static SniffedFormat read(Path file, TableHandler handler, InputLimits limits) throws IOException {
		SniffedFormat format = sniff(file);
		switch (format.format()) {
			case CSV -> new CsvTableReader(file, format, limits).read(handler);
			case XLSX -> new XlsxTableReader(file, limits).read(handler);
		}
		return format;
	}

}
