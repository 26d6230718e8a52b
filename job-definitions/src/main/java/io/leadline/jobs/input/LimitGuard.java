package io.leadline.jobs.input;

import java.util.List;

/**
 * Checks each header and record against the {@link InputLimits}, naming the row and
 * column.
 */
final class LimitGuard {

	private final InputLimits limits;

	private List<String> header = List.of();

	LimitGuard(InputLimits limits) {
		this.limits = limits;
	}

	void checkHeader(List<String> names) {
		checkWidth(-1, names.size());
		for (int i = 0; i < names.size(); i++) {
			checkCell(-1, i, names.get(i));
		}
		this.header = names;
	}

	// why: called for every row of multi-million-row files, so messages are built only on
	// failure
	void checkRow(long rowNumber, List<String> cells) {
		if (rowNumber > limits.maxRows()) {
			throw new InputLimitException("the file has more than the limit of %,d rows".formatted(limits.maxRows()));
		}
		checkWidth(rowNumber, cells.size());
		for (int i = 0; i < cells.size(); i++) {
			checkCell(rowNumber, i, cells.get(i));
		}
	}

	/** For readers that learn a cell's column before the row is complete (XLSX). */
	void checkColumn(String where, int columnIndex) {
		if (columnIndex + 1 > limits.maxColumns()) {
			throw tooWide(where, columnIndex + 1);
		}
	}

	private void checkWidth(long rowNumber, int width) {
		if (width > limits.maxColumns()) {
			throw tooWide(where(rowNumber), width);
		}
	}

	private InputLimitException tooWide(String where, int width) {
		return new InputLimitException(
				"%s has %,d columns; the limit is %,d".formatted(where, width, limits.maxColumns()));
	}

	private void checkCell(long rowNumber, int column, String value) {
		if (value.length() > limits.maxCellChars()) {
			throw new InputLimitException("%s, column %d%s has %,d characters; the limit is %,d"
				.formatted(where(rowNumber), column + 1, columnName(column), value.length(), limits.maxCellChars()));
		}
	}

	/** "the header" for row -1, else "row 1,234". */
	private static String where(long rowNumber) {
		return rowNumber < 0 ? "the header" : "row %,d".formatted(rowNumber);
	}

	private String columnName(int column) {
		return column < header.size() && !header.get(column).isBlank() ? " ('" + header.get(column).strip() + "')" : "";
	}

}
