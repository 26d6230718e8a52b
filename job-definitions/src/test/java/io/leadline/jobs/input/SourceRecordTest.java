package io.leadline.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceRecordTest {

	@Test
	void isBlankWhenEveryCellIsEmptyOrWhitespace() {
		SourceRecord blank = SourceRecord.of(1, List.of("", "  ", "\t"));
		SourceRecord filled = SourceRecord.of(2, List.of("", "x"));

		assertThat(blank.isBlank()).isTrue();
		assertThat(filled.isBlank()).isFalse();
	}

	@Test
	void anUnparsableRecordIsNeitherBlankNorSilent() {
		SourceRecord broken = SourceRecord.unparsable(3, "unclosed quote", "Ann,\"oops");

		assertThat(broken.hasError()).isTrue();
		assertThat(broken.isBlank()).isFalse();
		assertThat(broken.cells()).isEmpty();
		assertThat(broken.raw()).isEqualTo("Ann,\"oops");
	}

	@Test
	void copiesItsCellsSoTheReaderCanReuseItsBuffer() {
		List<String> buffer = new ArrayList<>(List.of("a", "b"));
		SourceRecord record = SourceRecord.of(1, buffer);

		buffer.clear();

		assertThat(record.cells()).containsExactly("a", "b");
		assertThat(record.cell(5)).isEmpty();
	}

	@Test
	void refusesRowNumbersBelowOneAndErrorsWithoutRawText() {
		assertThatThrownBy(() -> SourceRecord.of(0, List.of())).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("rowNumber must be at least 1, was 0");
		assertThatThrownBy(() -> new SourceRecord(4, List.of(), "bad", null))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessage("row 4 has an error but no raw text");
	}

}
