package io.leadline.jobs.input;

import static io.leadline.jobs.input.RecordedTable.readTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvLimitsTest {

	@TempDir
	Path dir;

	@Test
	void readsExactlyTheRowLimit() throws IOException {
		Path file = csv("email\na@x.io\nb@x.io\n");

		RecordedTable table = readTable(file, limits(2, 5, 100));

		assertThat(table.rows).hasSize(2);
	}

	@Test
	void refusesRowsBeyondTheLimit() throws IOException {
		Path file = csv("email\na@x.io\nb@x.io\nc@x.io\n");

		assertThatThrownBy(() -> readTable(file, limits(2, 5, 100))).isInstanceOf(InputLimitException.class)
			.hasMessage("the file has more than the limit of 2 rows");
	}

	@Test
	void refusesAHeaderWiderThanTheColumnLimit() throws IOException {
		Path file = csv("a,b,c,d\n1,2,3,4\n");

		assertThatThrownBy(() -> readTable(file, limits(10, 3, 100))).isInstanceOf(InputLimitException.class)
			.hasMessage("the header has 4 columns; the limit is 3");
	}

	@Test
	void refusesARaggedRowWiderThanTheColumnLimit() throws IOException {
		Path file = csv("a,b\n1,2\n1,2,3,4\n");

		assertThatThrownBy(() -> readTable(file, limits(10, 3, 100))).isInstanceOf(InputLimitException.class)
			.hasMessage("row 2 has 4 columns; the limit is 3");
	}

	@Test
	void namesTheRowAndColumnOfACellBeyondTheLimit() throws IOException {
		Path file = csv("email,Notes\na@x.io,short\nb@x.io," + "n".repeat(101) + "\n");

		assertThatThrownBy(() -> readTable(file, limits(10, 3, 100))).isInstanceOf(InputLimitException.class)
			.hasMessage("row 2, column 2 ('Notes') has 101 characters; the limit is 100");
	}

	@Test
	void stopsAQuoteLeftOpenBeforeItSwallowsTheWholeFile() throws IOException {
		StringBuilder text = new StringBuilder("email,notes\na@x.io,\"oops\n");
		for (int i = 0; i < 20_000; i++) {
			text.append("person").append(i).append("@example.com,fine\n");
		}
		Path file = csv(text.toString());

		assertThatThrownBy(() -> readTable(file, limits(100_000, 10, 1_000))).isInstanceOf(InputLimitException.class)
			.hasMessageStartingWith("row 1 runs past")
			.hasMessageContaining("probably an unclosed quote");
	}

	@Test
	void rejectsLimitsBelowOne() {
		assertThatThrownBy(() -> new InputLimits(0, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("maxRows must be at least 1, was 0");
	}

	private static InputLimits limits(long rows, int columns, int cellChars) {
		return new InputLimits(rows, columns, cellChars, 1_000_000);
	}

	private Path csv(String text) throws IOException {
		return Files.writeString(dir.resolve("list.csv"), text);
	}

}
