package io.leadline.jobs.enrichment;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A prospect list with everyday mess: mixed header styles, non-ASCII names, quoted commas
 * and newlines, a 40,000-character cell, short and long ragged rows, an invalid email, a
 * repeated email in other case, and a blank line. Written as CSV (UTF-8 BOM, ';'
 * delimiter) or XLSX.
 */
record MessyList(List<String> header, List<List<String>> dataRows) {

	static final int EMAIL_COLUMN = 3;

	static final int INVALID_ROW = 9;

	static final int DUPLICATE_ROW = 11;

	static final int FIRST_OF_DUPLICATE = 2;

	private static final int BLANK_AFTER = 20;

	private static final String[] FIRST = { "Zoë", "Łukasz", "José", "Emily", "Kenji", "Aïcha", "Tom", "Grace" };

	/**
	 * A list whose long cell has 40,000 characters: fine in CSV, over Excel's 32,767
	 * limit.
	 */
	static MessyList of(int rows) {
		return of(rows, 40_000);
	}

	static MessyList of(int rows, int longCell) {
		List<List<String>> data = new ArrayList<>();
		for (int i = 1; i <= rows; i++) {
			String first = FIRST[i % FIRST.length];
			String last = "Smith" + i;
			String email = ascii(first) + "." + last.toLowerCase(Locale.ROOT) + "@company" + (i % 7) + ".example";
			if (i == INVALID_ROW) {
				email = "not-an-email";
			}
			if (i == DUPLICATE_ROW) {
				email = data.get(FIRST_OF_DUPLICATE - 1).get(EMAIL_COLUMN).toUpperCase(Locale.ROOT);
			}
			List<String> row = new ArrayList<>(
					List.of(first, last, "Company " + (i % 7) + ", Ltd", email, notes(i, longCell)));
			if (i == 13) {
				row = new ArrayList<>(row.subList(0, 4));
			}
			if (i == 15) {
				row.add("extra one");
				row.add("extra two");
			}
			data.add(row);
		}
		return new MessyList(List.of("First Name", "last_name", " Company ", "E-Mail Address", "Notes"), data);
	}

	private static String notes(int i, int longCell) {
		return switch (i % 10) {
			case 3 -> "met at the fair\nsecond line of notes";
			case 4 -> "likes \"quotes\", and commas";
			case 7 -> "x".repeat(longCell);
			default -> "note " + i + " —日本 ✓";
		};
	}

	private static String ascii(String name) {
		return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.replace("Ł", "L")
			.toLowerCase(Locale.ROOT);
	}

	/**
	 * The {@code sif_status} a data row (1-based) must end with when providers answer:
	 * {@code invalid} for the bad address, {@code duplicate} for the repeated one,
	 * {@code ok} for every other row, the ragged ones included.
	 */
	String expectedStatus(int dataRow) {
		if (dataRow == INVALID_ROW) {
			return "invalid";
		}
		if (dataRow == DUPLICATE_ROW) {
			return "duplicate";
		}
		return "ok";
	}

	String email(int dataRow) {
		return emailOf(dataRows.get(dataRow - 1));
	}

	String emailOf(List<String> row) {
		return row.size() > EMAIL_COLUMN ? row.get(EMAIL_COLUMN) : "";
	}

	/** Index of a data row in the result table, whose row 0 is the header. */
	int resultIndexOf(int dataRow) {
		return dataRow;
	}

	Path writeCsv(Path file) throws IOException {
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF });
			Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
			CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setDelimiter(';').get());
			printer.printRecord(header);
			for (int i = 0; i < dataRows.size(); i++) {
				printer.printRecord(dataRows.get(i));
				if (i + 1 == BLANK_AFTER) {
					printer.println();
				}
			}
			printer.flush();
		}
		return file;
	}

	Path writeXlsx(Path file) throws IOException {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
			Sheet sheet = workbook.createSheet("Prospects");
			write(sheet.createRow(0), header);
			int r = 1;
			for (int i = 0; i < dataRows.size(); i++) {
				write(sheet.createRow(r++), dataRows.get(i));
				if (i + 1 == BLANK_AFTER) {
					r++;
				}
			}
			workbook.write(out);
		}
		return file;
	}

	private static void write(Row row, List<String> cells) {
		for (int c = 0; c < cells.size(); c++) {
			row.createCell(c).setCellValue(cells.get(c));
		}
	}
}
