package io.leadline.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxResultSinkTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void writesTheHeaderAndValuesToOneSheetNamedLeads() throws IOException {
		write(List.of("First Name", "Company"),
				List.of(List.of("Zoë", "Acme, Inc."), List.of("José 😀", "line one\nline two")));

		try (var workbook = readBack()) {
			assertThat(workbook.getNumberOfSheets()).isEqualTo(1);
			var sheet = workbook.getSheet("Leads");
			assertThat(values(sheet)).containsExactly(List.of("First Name", "Company"), List.of("Zoë", "Acme, Inc."),
					List.of("José 😀", "line one\nline two"));
		}
	}

	@Test
	void makesTheHeaderBoldAndFrozen() throws IOException {
		write(List.of("email"), List.of(List.of("ann@acme.example")));

		try (var workbook = readBack()) {
			var sheet = workbook.getSheet("Leads");
			var headerFont = workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex());
			var valueFont = workbook.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex());
			assertThat(headerFont.getBold()).isTrue();
			assertThat(valueFont.getBold()).isFalse();
			assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
			assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
		}
	}

	@Test
	void writesFormulaTextAndNumbersAsStringCells() throws IOException {
		write(List.of("link", "n"), List.of(List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "42")));

		try (var workbook = readBack()) {
			var row = workbook.getSheet("Leads").getRow(1);
			assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
			assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil.example\",\"x\")");
			assertThat(row.getCell(1).getCellType()).isEqualTo(CellType.STRING);
		}
	}

	@Test
	void truncatesACellLongerThanExcelAllowsWithAMarker() throws IOException {
		write(List.of("research"), List.of(List.of("r".repeat(40_000))));

		try (var workbook = readBack()) {
			var cell = workbook.getSheet("Leads").getRow(1).getCell(0).getStringCellValue();
			assertThat(cell).hasSizeLessThanOrEqualTo(32_767).startsWith("rrr").contains("…[truncated ");
		}
	}

	@Test
	void removesControlCharactersThatXmlForbids() throws IOException {
		write(List.of("note"), List.of(List.of("bell\u0007 null\u0000 tab\tend")));

		try (var workbook = readBack()) {
			assertThat(workbook.getSheet("Leads").getRow(1).getCell(0).getStringCellValue())
				.isEqualTo("bell null tab\tend");
		}
	}

	@Test
	void writesNullCellsAsEmptyStrings() throws IOException {
		write(List.of("a", "b"), List.of(Arrays.asList(null, "x")));

		try (var workbook = readBack()) {
			assertThat(values(workbook.getSheet("Leads")).get(1)).containsExactly("", "x");
		}
	}

	@Test
	void streamsFiftyThousandRows() throws IOException {
		try (var sink = ResultSinks.open(ResultFormat.XLSX, out, false)) {
			sink.header(List.of("row", "email", "sif_status"));
			for (int i = 1; i <= 50_000; i++) {
				sink.row(List.of(Integer.toString(i), "lead" + i + "@acme.example", "ok"));
			}
		}

		try (var workbook = readBack()) {
			var sheet = workbook.getSheet("Leads");
			assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(50_001);
			assertThat(sheet.getRow(50_000).getCell(1).getStringCellValue()).isEqualTo("lead50000@acme.example");
		}
	}

	@Test
	void refusesMoreRowsThanASheetHolds() throws IOException {
		var sink = new XlsxResultSink(out, 2);
		sink.header(List.of("a"));
		sink.row(List.of("1"));
		sink.row(List.of("2"));

		assertThatIllegalStateException().isThrownBy(() -> sink.row(List.of("3")))
			.withMessageContaining("row 3 exceeds the 2 data rows")
			.withMessageContaining("CSV");
		sink.close();
	}

	@Test
	void leavesTheCallersStreamOpen() throws IOException {
		var stream = new CsvResultSinkTest.CloseTrackingStream();

		try (var sink = ResultSinks.open(ResultFormat.XLSX, stream, false)) {
			sink.header(List.of("a"));
		}

		assertThat(stream.closed).isFalse();
		assertThat(stream.size()).isPositive();
	}

	@Test
	void closesTwiceWithoutWritingTwice() throws IOException {
		var sink = ResultSinks.open(ResultFormat.XLSX, out, false);
		sink.header(List.of("a"));
		sink.close();
		int size = out.size();

		sink.close();

		assertThat(out.size()).isEqualTo(size);
	}

	private void write(List<String> header, List<List<String>> rows) throws IOException {
		try (var sink = ResultSinks.open(ResultFormat.XLSX, out, false)) {
			sink.header(header);
			for (var row : rows) {
				sink.row(row);
			}
		}
	}

	private XSSFWorkbook readBack() throws IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()));
	}

	private static List<List<String>> values(Sheet sheet) {
		var rows = new ArrayList<List<String>>();
		for (Row row : sheet) {
			var cells = new ArrayList<String>();
			for (Cell cell : row) {
				cells.add(cell.getStringCellValue());
			}
			rows.add(cells);
		}
		return rows;
	}

}
