package io.leadline.jobs.input;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * One streaming pass over a list before a job is created: its format, headers, data rows
 * and the email column guess. The CLI and the upload API use it to refuse a bad file with
 * one clear line and to know the credits a job needs before it starts.
 *
 * @param dataRows rows that will appear in the result (blank rows excluded)
 */
public record ListInspection(SniffedFormat format, Headers headers, long dataRows, OptionalInt emailColumnGuess) {

	private static final int SAMPLE_ROWS = 50;

	public static ListInspection inspect(Path file, InputLimits limits) throws IOException {
		Counter counter = new Counter();
		SniffedFormat format = TableReader.read(file, counter, limits);
		if (counter.headers == null) {
			throw new UnsupportedInputException("the file has no header row");
		}
		return new ListInspection(format, counter.headers, counter.rows,
				EmailColumn.guess(counter.headers, counter.samples));
	}

	/**
	 * The email column to use: the requested one (by header or normalized key), else the
	 * guess.
	 * @throws UnsupportedInputException naming the columns when there is none
	 */
	public int emailColumn(String requested) {
		if (requested != null && !requested.isBlank()) {
			return EmailColumn.resolve(headers, requested);
		}
		if (emailColumnGuess.isPresent()) {
			return emailColumnGuess.getAsInt();
		}
		return EmailColumn.resolve(headers, null);
	}

	/**
	 * The prospect fields recognised from the headers, corrected by the caller's
	 * {@code field -> column} overrides.
	 * @throws UnsupportedInputException naming an unknown field or a missing column
	 */
	public FieldMapping fields(int emailColumn, Map<String, String> overrides) {
		try {
			return FieldMapping.recognize(headers, emailColumn).overriddenBy(overrides);
		}
		catch (IllegalArgumentException e) {
			throw new UnsupportedInputException(e.getMessage());
		}
	}

	private static final class Counter implements TableHandler {

		private Headers headers;

		private long rows;

		private final List<List<String>> samples = new ArrayList<>();

		@Override
		public void header(List<String> names) {
			headers = Headers.of(names);
		}

		@Override
		public void row(SourceRecord record) {
			// why: the upload API gives an inspection a time limit and then interrupts
			// it;
			// a workbook is read through java.util.zip, which never notices an interrupt
			if (Thread.currentThread().isInterrupted()) {
				throw new InputLimitException("the inspection was stopped after its time limit");
			}
			if (record.isBlank()) {
				return;
			}
			rows++;
			if (samples.size() < SAMPLE_ROWS && !record.hasError()) {
				samples.add(record.cells());
			}
		}

	}
}
