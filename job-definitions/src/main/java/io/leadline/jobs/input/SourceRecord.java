package io.leadline.jobs.input;

import java.util.List;
import java.util.Objects;

/**
 * One data record from the source, as read, before any interpretation, so nothing is lost
 * on the way: ragged records keep all their cells and a record the reader could not parse
 * is kept with its raw text and the reason.
 *
 * @param rowNumber 1-based position among data records (the header is not counted)
 * @param cells raw cell strings; never null, may be fewer or more than the header
 * @param error null for a good record, else a one-line reason why it could not be parsed
 * @param raw the raw text of an unparsable record (bounded), null for a good record
 */
public record SourceRecord(long rowNumber, List<String> cells, String error, String raw) {

	public SourceRecord {
		if (rowNumber < 1) {
			throw new IllegalArgumentException("rowNumber must be at least 1, was " + rowNumber);
		}
		cells = List.copyOf(cells);
		if (error != null && raw == null) {
			throw new IllegalArgumentException("row " + rowNumber + " has an error but no raw text");
		}
	}

	/** A record that was parsed into cells. */
	public static SourceRecord of(long rowNumber, List<String> cells) {
		return new SourceRecord(rowNumber, cells, null, null);
	}

	/**
	 * A record the reader could not split into cells; kept so it can be reported, not
	 * dropped.
	 */
	public static SourceRecord unparsable(long rowNumber, String error, String raw) {
		return new SourceRecord(rowNumber, List.of(), Objects.requireNonNull(error, "error"), raw);
	}

	public boolean isBlank() {
		if (hasError()) {
			return false;
		}
		for (String cell : cells) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	public boolean hasError() {
		return error != null;
	}

	/** The cell at a 0-based column, or "" when this record is shorter than that. */
	public String cell(int column) {
		return column < cells.size() ? cells.get(column) : "";
	}
}
