package io.leadline.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvResultSinkTest {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	@Test
	void roundTripsCommasQuotesNewlinesAndNonAsciiText() throws IOException {
		var rows = List.of(List.of("Zoë", "Acme, Inc.", "She said \"hi\"", "line one\nline two"),
				List.of("Łukasz", "Żółć GmbH", "José 😀", "crlf\r\ninside"),
				List.of("", "trailing space ", " leading", "東京"));

		write(List.of("first", "company", "note", "address"), rows);

		var records = readBack();
		assertThat(records.get(0).values()).containsExactly("first", "company", "note", "address");
		assertThat(records.subList(1, records.size())).extracting(r -> List.of(r.values()))
			.containsExactlyElementsOf(rows);
	}

	@Test
	void startsWithAByteOrderMarkWhenAsked() throws IOException {
		try (var sink = ResultSinks.open(ResultFormat.CSV, out, true)) {
			sink.header(List.of("a"));
		}

		assertThat(Arrays.copyOf(out.toByteArray(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
	}

	@Test
	void startsWithTheHeaderWhenNoByteOrderMarkIsAsked() throws IOException {
		write(List.of("a"), List.of());

		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\"a\"\r\n");
	}

	@Test
	void endsRecordsWithCrlfAndQuotesEveryField() throws IOException {
		write(List.of("name", "note"), List.of(List.of("Ann", "a, b"), List.of("Bob", "say \"x\"")));

		assertThat(out.toString(StandardCharsets.UTF_8))
			.isEqualTo("\"name\",\"note\"\r\n\"Ann\",\"a, b\"\r\n\"Bob\",\"say \"\"x\"\"\"\r\n");
	}

	@Test
	void neutralizesFormulasAfterTheSeparatorsOfEveryLocale() throws IOException {
		write(List.of("company", "sif_personalized", "sif_reason"),
				List.of(List.of("Acme;=CHAR(72)&CHAR(73)", "Hi;=HYPERLINK(\"http://x\")", "a,@SUM(A1)\t+1")));

		String csv = out.toString(StandardCharsets.UTF_8);

		assertThat(csv).contains("\"Acme;'=CHAR(72)&CHAR(73)\"", "\"Hi;'=HYPERLINK(", "\"a,'@SUM(A1)\t'+1\"");
		assertThat(readBack().get(1).values()).containsExactly("Acme;'=CHAR(72)&CHAR(73)",
				"Hi;'=HYPERLINK(\"http://x\")", "a,'@SUM(A1)\t'+1");
	}

	@Test
	void neutralizesFormulasInHeaderAndCells() throws IOException {
		write(List.of("=cmd"), List.of(List.of("=1+1"), List.of("-5"), List.of("@SUM(A1)")));

		assertThat(readBack()).extracting(r -> r.get(0)).containsExactly("'=cmd", "'=1+1", "'-5", "'@SUM(A1)");
	}

	@Test
	void writesNullCellsAsEmpty() throws IOException {
		write(List.of("a", "b"), List.of(Arrays.asList(null, "x")));

		assertThat(readBack().get(1).values()).containsExactly("", "x");
	}

	@Test
	void leavesTheCallersStreamOpen() throws IOException {
		var stream = new CloseTrackingStream();

		try (var sink = ResultSinks.open(ResultFormat.CSV, stream, false)) {
			sink.header(List.of("a"));
		}

		assertThat(stream.closed).isFalse();
		assertThat(stream.toString(StandardCharsets.UTF_8)).isEqualTo("\"a\"\r\n");
	}

	@Test
	void refusesARowBeforeTheHeader() {
		var sink = ResultSinks.open(ResultFormat.CSV, out, false);

		assertThatIllegalStateException().isThrownBy(() -> sink.row(List.of("x")))
			.withMessageContaining("before the header");
	}

	@Test
	void refusesASecondHeader() throws IOException {
		var sink = ResultSinks.open(ResultFormat.CSV, out, false);
		sink.header(List.of("a"));

		assertThatIllegalStateException().isThrownBy(() -> sink.header(List.of("a")))
			.withMessageContaining("header already written");
	}

	@Test
	void refusesARowAfterClose() throws IOException {
		var sink = ResultSinks.open(ResultFormat.CSV, out, false);
		sink.header(List.of("a"));
		sink.close();

		assertThatIllegalStateException().isThrownBy(() -> sink.row(List.of("x"))).withMessageContaining("closed");
	}

	private void write(List<String> header, List<List<String>> rows) throws IOException {
		try (var sink = ResultSinks.open(ResultFormat.CSV, out, false)) {
			sink.header(header);
			for (var row : rows) {
				sink.row(row);
			}
		}
	}

	private List<CSVRecord> readBack() throws IOException {
		try (var parser = CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
			return parser.getRecords();
		}
	}

	static final class CloseTrackingStream extends ByteArrayOutputStream {

		boolean closed;

		@Override
		public void close() {
			closed = true;
		}

	}

}
