package io.leadline.jobs.input;

import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;

/**
 * Turns POI's cell events into table rows. A sheet stores only the cells that have
 * content, so the column comes from each cell's reference ("D7") and the gaps become
 * empty strings. Rows without any value are skipped and not counted, like empty lines in
 * a CSV; the first row with a value is the header.
 */
final class SheetRows implements SheetContentsHandler {

	private final TableHandler handler;

	private final LimitGuard guard;

	private final List<String> cells = new ArrayList<>();

	private boolean headerSeen;

	private long rowNumber;

	SheetRows(TableHandler handler, LimitGuard guard) {
		this.handler = handler;
		this.guard = guard;
	}

	@Override
	public void startRow(int sheetRow) {
		cells.clear();
	}

	@Override
	public void cell(String reference, String value, XSSFComment comment) {
		if (value == null || value.isEmpty()) {
			return;
		}
		int column = reference == null ? cells.size() : new CellReference(reference).getCol();
		guard.checkColumn(headerSeen ? "row %,d".formatted(rowNumber + 1) : "the header", column);
		while (cells.size() < column) {
			cells.add("");
		}
		if (column < cells.size()) {
			cells.set(column, value);
		}
		else {
			cells.add(value);
		}
	}

	@Override
	public void endRow(int sheetRow) {
		if (cells.isEmpty()) {
			return;
		}
		List<String> row = List.copyOf(cells);
		if (!headerSeen) {
			guard.checkHeader(row);
			handler.header(row);
			headerSeen = true;
			return;
		}
		rowNumber++;
		guard.checkRow(rowNumber, row);
		handler.row(SourceRecord.of(rowNumber, row));
	}

	void finish() {
		if (!headerSeen) {
			throw new UnsupportedInputException("the workbook's first sheet is empty");
		}
	}

}
