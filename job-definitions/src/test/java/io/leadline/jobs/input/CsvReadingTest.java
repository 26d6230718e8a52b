package io.leadline.jobs.input;

import static io.leadline.jobs.input.RecordedTable.readTable;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReadingTest {

	@TempDir
	Path dir;

	@Test
	void readsHeaderAndRowsNumberedFromOne() throws IOException {
		Path file = csv("name,email\nAnn,ann@x.io\nBob,bob@y.io\n");

		RecordedTable table = readTable(file);

		assertThat(table.header).containsExactly("name", "email");
		assertThat(table.rows).extracting(SourceRecord::rowNumber).containsExactly(1L, 2L);
		assertThat(table.cells()).containsExactly(List.of("Ann", "ann@x.io"), List.of("Bob", "bob@y.io"));
		assertThat(table.format).isEqualTo(new SniffedFormat(InputFormat.CSV, StandardCharsets.UTF_8, ',', false));
	}

	@Test
	void removesUtf8ByteOrderMarkFromFirstHeader() throws IOException {
		Path file = bytes(concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF },
				"email,name\na@x.io,Ann\n".getBytes(StandardCharsets.UTF_8)));

		RecordedTable table = readTable(file);

		assertThat(table.header).containsExactly("email", "name");
		assertThat(table.format.bom()).isTrue();
		assertThat(table.format.charset()).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void detectsSemicolonDelimiterDespiteCommasInValues() throws IOException {
		Path file = csv("name;city;email\nMüller, Hans;Berlin;h@m.de\nRoe, Ann;Wien;a@r.at\n");

		RecordedTable table = readTable(file);

		assertThat(table.format.delimiter()).isEqualTo(';');
		assertThat(table.cells()).containsExactly(List.of("Müller, Hans", "Berlin", "h@m.de"),
				List.of("Roe, Ann", "Wien", "a@r.at"));
	}

	@Test
	void detectsTabAndPipeDelimiters() throws IOException {
		Path tabs = Files.writeString(dir.resolve("tabs.txt"), "name\temail\nAnn\tann@x.io\n");
		Path pipes = Files.writeString(dir.resolve("pipes.txt"), "name|email\nAnn|ann@x.io\n");

		SniffedFormat tabFormat = TableReader.sniff(tabs);
		SniffedFormat pipeFormat = TableReader.sniff(pipes);

		assertThat(tabFormat.delimiter()).isEqualTo('\t');
		assertThat(pipeFormat.delimiter()).isEqualTo('|');
	}

	@Test
	void keepsQuotedNewlinesDelimitersAndEscapedQuotesInsideOneCell() throws IOException {
		Path file = csv("name,notes\r\nAnn,\"line one\r\nline two, still \"\"quoted\"\"\"\r\nBob,plain\r\n");

		RecordedTable table = readTable(file);

		assertThat(table.cells()).containsExactly(List.of("Ann", "line one\r\nline two, still \"quoted\""),
				List.of("Bob", "plain"));
		assertThat(table.rows).extracting(SourceRecord::rowNumber).containsExactly(1L, 2L);
	}

	@Test
	void keepsRaggedRowsAsWritten() throws IOException {
		Path file = csv("a,b,c\n1\n1,2,3,4,5\n");

		RecordedTable table = readTable(file);

		assertThat(table.cells()).containsExactly(List.of("1"), List.of("1", "2", "3", "4", "5"));
	}

	@Test
	void skipsEmptyLinesButReportsRowsOfBlankCells() throws IOException {
		Path file = csv("a,b\n\n1,2\n , \n\n3,4\n\n");

		RecordedTable table = readTable(file);

		assertThat(table.rows).extracting(SourceRecord::rowNumber).containsExactly(1L, 2L, 3L);
		assertThat(table.rows).extracting(SourceRecord::isBlank).containsExactly(false, true, false);
	}

	@Test
	void readsVeryLongCells() throws IOException {
		String longText = "x".repeat(40_000);
		Path file = csv("id,bio\n1,\"" + longText + "\"\n2,short\n");

		RecordedTable table = readTable(file);

		assertThat(table.rows.get(0).cell(1)).hasSize(40_000);
		assertThat(table.rows.get(1).cells()).containsExactly("2", "short");
	}

	@Test
	void readsNonAsciiText() throws IOException {
		Path file = csv("name,city,mood\nJürgen,日本,🎉 ok\n");

		RecordedTable table = readTable(file);

		assertThat(table.cells()).containsExactly(List.of("Jürgen", "日本", "🎉 ok"));
	}

	@Test
	void fallsBackToWindows1252WhenBytesAreNotUtf8() throws IOException {
		Path file = bytes("name,city\nJürgen,Köln – Süd\n".getBytes(Charset.forName("windows-1252")));

		RecordedTable table = readTable(file);

		assertThat(table.format.charset()).isEqualTo(Charset.forName("windows-1252"));
		assertThat(table.cells()).containsExactly(List.of("Jürgen", "Köln – Süd"));
	}

	@Test
	void fallsBackToWindows1252EvenWhenTheFirstInvalidByteIsFarIntoTheFile() throws IOException {
		StringBuilder text = new StringBuilder("name,city\n");
		for (int i = 0; i < 10_000; i++) {
			text.append("row").append(i).append(",Berlin\n");
		}
		text.append("Jürgen,München\n");
		Path file = bytes(text.toString().getBytes(Charset.forName("windows-1252")));

		RecordedTable table = readTable(file);

		assertThat(table.rows.get(table.rows.size() - 1).cells()).containsExactly("Jürgen", "München");
	}

	@Test
	void readsUtf16WithByteOrderMarkInBothByteOrders() throws IOException {
		Path little = Files.write(dir.resolve("little.csv"), concat(new byte[] { (byte) 0xFF, (byte) 0xFE },
				"email;name\na@x.io;Zoë\n".getBytes(StandardCharsets.UTF_16LE)));
		Path big = Files.write(dir.resolve("big.csv"), concat(new byte[] { (byte) 0xFE, (byte) 0xFF },
				"email\ta name\na@x.io\t日本\n".getBytes(StandardCharsets.UTF_16BE)));

		RecordedTable fromLittle = readTable(little);
		RecordedTable fromBig = readTable(big);

		assertThat(fromLittle.format)
			.isEqualTo(new SniffedFormat(InputFormat.CSV, StandardCharsets.UTF_16LE, ';', true));
		assertThat(fromLittle.header).containsExactly("email", "name");
		assertThat(fromLittle.cells()).containsExactly(List.of("a@x.io", "Zoë"));
		assertThat(fromBig.format.charset()).isEqualTo(StandardCharsets.UTF_16BE);
		assertThat(fromBig.cells()).containsExactly(List.of("a@x.io", "日本"));
	}

	@Test
	void acceptsHeaderOnlyFileWithZeroRows() throws IOException {
		Path file = csv("name,email\n");

		RecordedTable table = readTable(file);

		assertThat(table.header).containsExactly("name", "email");
		assertThat(table.rows).isEmpty();
	}

	@Test
	void reportsUnclosedQuoteAtTheEndAsOneErrorRecordWithItsRawText() throws IOException {
		Path file = csv("name,notes\r\nAnn,\"two\nlines\"\r\nBob,fine\r\n\r\nCid,\"never closed\nmore text\n");

		RecordedTable table = readTable(file);

		assertThat(table.rows).hasSize(3);
		assertThat(table.rows.get(1).cells()).containsExactly("Bob", "fine");
		SourceRecord broken = table.rows.get(2);
		assertThat(broken.rowNumber()).isEqualTo(3);
		assertThat(broken.hasError()).isTrue();
		assertThat(broken.error()).contains("unclosed quote").doesNotContain("\n");
		assertThat(broken.raw()).isEqualTo("Cid,\"never closed\nmore text\n");
	}

	@Test
	void boundsTheRawTextOfAnUnparsableRecord() throws IOException {
		Path file = csv("name,notes\nAnn,\"" + "y".repeat(10_000));

		RecordedTable table = readTable(file);

		assertThat(table.rows).singleElement().satisfies(record -> {
			assertThat(record.hasError()).isTrue();
			assertThat(record.raw()).hasSize(RawTail.MAX_CHARS).startsWith("Ann,\"yyy");
		});
	}

	@Test
	void keepsTrailingTextAfterAClosingQuoteInsteadOfFailing() throws IOException {
		Path file = csv("company,email\n\"Acme\" Inc,a@acme.io\n");

		RecordedTable table = readTable(file);

		assertThat(table.cells()).containsExactly(List.of("Acme Inc", "a@acme.io"));
	}

	@Test
	void streamsTwoHundredThousandRowsToAHandlerThatOnlyCounts() throws IOException {
		Path file = dir.resolve("big.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("id,email,company\n");
			for (int i = 1; i <= 200_000; i++) {
				out.write(i + ",person" + i + "@example.com,\"Company, " + i + "\"\n");
			}
		}
		var counter = new TableHandler() {
			long rows;

			long lastRowNumber;

			@Override
			public void header(List<String> names) {
			}

			@Override
			public void row(SourceRecord record) {
				rows++;
				lastRowNumber = record.rowNumber();
			}
		};

		TableReader.read(file, counter);

		assertThat(counter.rows).isEqualTo(200_000);
		assertThat(counter.lastRowNumber).isEqualTo(200_000);
	}

	private Path csv(String text) throws IOException {
		return Files.writeString(dir.resolve("list.csv"), text, StandardCharsets.UTF_8);
	}

	private Path bytes(byte[] content) throws IOException {
		return Files.write(dir.resolve("list.csv"), content);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

}
