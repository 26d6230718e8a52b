package io.leadline.jobs.output;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX through POI's streaming SXSSF: at most {@value #ROW_WINDOW} rows in memory, the
 * rest in compressed temp files that {@link #close()} deletes. One sheet,
 * {@value #SHEET_NAME}, with a bold frozen header. Every cell is an inline string, never
 * a formula or number, so {@code =HYPERLINK(..)} stays text and no shared-strings table
 * grows with the row count.
 */
final class XlsxResultSink implements ResultSink {

	static final String SHEET_NAME = "Leads";
	static final int ROW_WINDOW = 100;

	private static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 1;

	private final OutputStream out;

	private final long maxDataRows;

	private final SXSSFWorkbook workbook;

	private final SXSSFSheet sheet;

	private final TableOrder order = new TableOrder();

	XlsxResultSink(OutputStream out) {
		this(out, MAX_DATA_ROWS);
	}

	/**
	 * For tests: a lower row limit than Excel's, to check the limit without a million
	 * rows.
	 */
	XlsxResultSink(OutputStream out, long maxDataRows) {
		this.out = out;
		this.maxDataRows = maxDataRows;
		this.workbook = new SXSSFWorkbook(null, ROW_WINDOW, true);
		this.sheet = workbook.createSheet(SHEET_NAME);
	}

	@Override
	public void header(List<String> names) throws IOException {
		order.beforeHeader();
		Row row = sheet.createRow(0);
		CellStyle bold = boldStyle();
		for (int column = 0; column < names.size(); column++) {
			var cell = row.createCell(column);
			cell.setCellValue(CellSanitizer.forXlsx(names.get(column)));
			cell.setCellStyle(bold);
		}
		sheet.createFreezePane(0, 1);
	}

	@Override
	public void row(List<String> cells) throws IOException {
		long written = order.beforeRow();
		if (written >= maxDataRows) {
			throw new IllegalStateException("row " + (written + 1) + " exceeds the " + maxDataRows
					+ " data rows an XLSX sheet holds; write this result as CSV");
		}
		Row row = sheet.createRow((int) written + 1);
		for (int column = 0; column < cells.size(); column++) {
			row.createCell(column).setCellValue(CellSanitizer.forXlsx(cells.get(column)));
		}
	}

	@Override
	public void close() throws IOException {
		if (!order.close()) {
			return;
		}
		try (workbook) {
			workbook.write(new CallerOwnedStream(out));
			out.flush();
		}
		finally {
			workbook.dispose();
		}
	}

	private CellStyle boldStyle() {
		Font font = workbook.createFont();
		font.setBold(true);
		CellStyle style = workbook.createCellStyle();
		style.setFont(font);
		return style;
	}

}
