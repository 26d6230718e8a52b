package io.leadline.jobs.input;

import static io.leadline.jobs.input.RecordedTable.readTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxReadingTest {

	@TempDir
	Path dir;

	@Test
	void sniffsAWorkbookByContentWhateverItsName() throws IOException {
		Path file = workbook("list.csv", sheet -> {
			row(sheet, 0, "email");
			row(sheet, 1, "a@x.io");
		});

		SniffedFormat format = TableReader.sniff(file);

		assertThat(format.format()).isEqualTo(InputFormat.XLSX);
	}

	@Test
	void readsTheFirstSheetWithSharedStringsNumbersAndDates() throws IOException {
		Path file = workbook("list.xlsx", sheet -> {
			row(sheet, 0, "name", "email", "employees", "since", "phone");
			Row ann = row(sheet, 1, "Ann", "ann@x.io");
			ann.createCell(2).setCellValue(42);
			ann.createCell(3).setCellValue(LocalDate.of(2024, 1, 15));
			ann.getCell(3).setCellStyle(dateStyle(sheet));
			ann.createCell(4).setCellValue(4915112345678d);
			Row bob = row(sheet, 2, "Bob", "ann@x.io");
			bob.createCell(2).setCellValue(3.5);
		});

		RecordedTable table = readTable(file);

		assertThat(table.header).containsExactly("name", "email", "employees", "since", "phone");
		assertThat(table.cells()).containsExactly(List.of("Ann", "ann@x.io", "42", "2024-01-15", "4915112345678"),
				List.of("Bob", "ann@x.io", "3.5"));
		assertThat(table.rows).extracting(SourceRecord::rowNumber).containsExactly(1L, 2L);
	}

	@Test
	void fillsColumnGapsWithEmptyCells() throws IOException {
		Path file = workbook("gaps.xlsx", sheet -> {
			row(sheet, 0, "a", "b", "c", "d");
			sheet.createRow(1).createCell(0).setCellValue("first");
			sheet.getRow(1).createCell(3).setCellValue("fourth");
			sheet.createRow(2).createCell(2).setCellValue("third only");
		});

		RecordedTable table = readTable(file);

		assertThat(table.cells()).containsExactly(List.of("first", "", "", "fourth"), List.of("", "", "third only"));
	}

	@Test
	void takesTheFirstNonEmptyRowAsHeaderAndSkipsEmptyRows() throws IOException {
		Path file = workbook("offset.xlsx", sheet -> {
			row(sheet, 2, "", "email");
			row(sheet, 3, "", "a@x.io");
			sheet.createRow(4).createCell(1).setCellValue("");
			row(sheet, 7, "", "b@x.io");
		});

		RecordedTable table = readTable(file);

		assertThat(table.header).containsExactly("", "email");
		assertThat(table.rows).extracting(SourceRecord::rowNumber).containsExactly(1L, 2L);
		assertThat(table.cells()).containsExactly(List.of("", "a@x.io"), List.of("", "b@x.io"));
	}

	@Test
	void readsNonAsciiAndLongCells() throws IOException {
		String longText = "ü".repeat(30_000);
		Path file = workbook("text.xlsx", sheet -> {
			row(sheet, 0, "name", "bio");
			row(sheet, 1, "日本 🎉", longText);
		});

		RecordedTable table = readTable(file);

		assertThat(table.cells()).containsExactly(List.of("日本 🎉", longText));
	}

	@Test
	void acceptsAHeaderOnlySheet() throws IOException {
		Path file = workbook("header.xlsx", sheet -> row(sheet, 0, "email"));

		RecordedTable table = readTable(file);

		assertThat(table.header).containsExactly("email");
		assertThat(table.rows).isEmpty();
	}

	@Test
	void refusesAWorkbookWhoseFirstSheetIsEmpty() throws IOException {
		Path file = workbook("empty.xlsx", sheet -> {
		});

		assertThatThrownBy(() -> readTable(file)).isInstanceOf(UnsupportedInputException.class)
			.hasMessage("the workbook's first sheet is empty");
	}

	@Test
	void refusesAWorkbookThatInflatesBeyondTheLimit() throws IOException {
		Path file = workbook("bomb.xlsx", sheet -> {
			row(sheet, 0, "email");
			for (int i = 1; i <= 2_000; i++) {
				row(sheet, i, "person" + i + "@example.com");
			}
		});
		InputLimits tight = new InputLimits(1_000, 10, 1_000, 50_000);

		assertThatThrownBy(() -> readTable(file, tight)).isInstanceOf(InputLimitException.class)
			.hasMessage("the workbook inflates to more than the limit of 50,000 bytes");
	}

	@Test
	void refusesAWorkbookThatInflatesSuspiciouslyFarForItsSize() throws IOException {
		Path file = withPaddedFirstSheet(workbook("ratio.xlsx", sheet -> {
			row(sheet, 0, "email");
			row(sheet, 1, "a@x.io");
		}), 5_000_000);
		InputLimits limits = new InputLimits(1_000, 10, 1_000, 1_000_000_000);

		assertThatThrownBy(() -> readTable(file, limits)).isInstanceOf(InputLimitException.class)
			.hasMessage("the workbook inflates over 100 times its compressed size, like a zip bomb");
	}

	@Test
	void namesTheRowAndColumnOfACellBeyondTheLimit() throws IOException {
		Path file = workbook("long.xlsx", sheet -> {
			row(sheet, 0, "email", "bio");
			row(sheet, 1, "a@x.io", "short");
			row(sheet, 2, "b@x.io", "x".repeat(101));
		});
		InputLimits limits = new InputLimits(1_000, 10, 100, 10_000_000);

		assertThatThrownBy(() -> readTable(file, limits)).isInstanceOf(InputLimitException.class)
			.hasMessage("row 2, column 2 ('bio') has 101 characters; the limit is 100");
	}

	@Test
	void refusesACellFarBeyondTheColumnLimitWithoutPaddingUpToIt() throws IOException {
		Path file = workbook("wide.xlsx", sheet -> {
			row(sheet, 0, "email");
			sheet.createRow(1).createCell(16_000).setCellValue("stray");
		});
		InputLimits limits = new InputLimits(1_000, 500, 1_000, 10_000_000);

		assertThatThrownBy(() -> readTable(file, limits)).isInstanceOf(InputLimitException.class)
			.hasMessage("row 1 has 16,001 columns; the limit is 500");
	}

	interface SheetContent {

		void fill(Sheet sheet);

	}

	private Path workbook(String name, SheetContent content) throws IOException {
		Path file = dir.resolve(name);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			content.fill(workbook.createSheet("Prospects"));
			row(workbook.createSheet("Other"), 0, "not", "read");
			workbook.write(out);
		}
		return file;
	}

	/**
	 * Rewrites the workbook with a comment of spaces in its first sheet: it inflates
	 * 1000:1.
	 */
	private Path withPaddedFirstSheet(Path workbook, int spaces) throws IOException {
		Path padded = dir.resolve("padded-" + workbook.getFileName());
		try (ZipFile in = new ZipFile(workbook.toFile());
				ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(padded))) {
			for (ZipEntry entry : Collections.list(in.entries())) {
				byte[] content = in.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
					String xml = new String(content, StandardCharsets.UTF_8);
					content = xml.replace("<sheetData", "<!--" + " ".repeat(spaces) + "--><sheetData")
						.getBytes(StandardCharsets.UTF_8);
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(content);
				out.closeEntry();
			}
		}
		return padded;
	}

	private static Row row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i]);
		}
		return row;
	}

	private static CellStyle dateStyle(Sheet sheet) {
		CellStyle style = sheet.getWorkbook().createCellStyle();
		style.setDataFormat(sheet.getWorkbook().getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
		return style;
	}

}
