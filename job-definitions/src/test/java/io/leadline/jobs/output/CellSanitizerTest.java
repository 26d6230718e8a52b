package io.leadline.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CellSanitizerTest {

	// why: no @Nested classes, surefire's -Dtest filter skips them

	@ParameterizedTest(name = "[{index}] {0} -> {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
			=1+1                      | '=1+1
			+1                        | '+1
			-1                        | '-1
			-5                        | '-5
			@SUM(A1:A2)               | '@SUM(A1:A2)
			"=HYPERLINK(""http://x"")"| "'=HYPERLINK(""http://x"")"
			plain text                | plain text
			a=b                       | a=b
			5-3                       | 5-3
			ann@acme.example          | ann@acme.example
			""")
	void prefixesCellsThatStartLikeAFormulaWithAnApostrophe(String cell, String expected) {
		var safe = CellSanitizer.forCsv(cell);

		assertThat(safe).isEqualTo(expected);
	}

	@Test
	void prefixesCellsStartingWithTabOrCarriageReturn() {
		assertThat(CellSanitizer.forCsv("\t=x")).isEqualTo("'\t'=x");
		assertThat(CellSanitizer.forCsv("\r=x")).isEqualTo("'\r=x");
	}

	@Test
	void leavesALeadingNewlineOrSpaceAlone() {
		assertThat(CellSanitizer.forCsv("\nline")).isEqualTo("\nline");
		assertThat(CellSanitizer.forCsv(" =x")).isEqualTo(" =x");
	}

	@Test
	void csvWritesNullAsEmpty() {
		assertThat(CellSanitizer.forCsv(null)).isEmpty();
		assertThat(CellSanitizer.forCsv("")).isEmpty();
	}

	@Test
	void keepsALongCsvCellWholeBecauseCsvHasNoCellLimit() {
		var formula = "=" + "x".repeat(40_000);

		var safe = CellSanitizer.forCsv(formula);

		assertThat(safe).isEqualTo("'" + formula);
	}

	@Test
	void removesControlCharactersXmlForbidsButKeepsTabNewlineAndCarriageReturn() {
		var cell = "a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\th\ni\rj\uFFFEk\uFFFF";

		var safe = CellSanitizer.forXlsx(cell);

		assertThat(safe).isEqualTo("abcdefg\th\ni\rjk");
	}

	@Test
	void removesUnpairedSurrogatesButKeepsEmoji() {
		var cell = "ok 😀 \uD83D broken \uDE00 end";

		var safe = CellSanitizer.forXlsx(cell);

		assertThat(safe).isEqualTo("ok 😀  broken  end");
	}

	@Test
	void leavesFormulaTextUnprefixedBecauseXlsxCellsAreStrings() {
		assertThat(CellSanitizer.forXlsx("=1+1")).isEqualTo("=1+1");
	}

	@Test
	void xlsxWritesNullAsEmpty() {
		assertThat(CellSanitizer.forXlsx(null)).isEmpty();
	}

	@Test
	void keepsACellAtTheLimitUntouched() {
		var cell = "x".repeat(CellSanitizer.MAX_CELL_LENGTH);

		assertThat(CellSanitizer.capped(cell)).isSameAs(cell);
	}

	@Test
	void truncatesALongerCellWithAVisibleMarkerCountingTheRemovedCharacters() {
		var cell = "x".repeat(40_000);

		var capped = CellSanitizer.capped(cell);

		assertThat(capped).hasSizeLessThanOrEqualTo(CellSanitizer.MAX_CELL_LENGTH)
			.matches("x+…\\[truncated \\d+ chars]");
		int kept = capped.indexOf('…');
		assertThat(capped).endsWith("…[truncated " + (40_000 - kept) + " chars]");
	}

	@Test
	void truncatesOneCharacterOverTheLimit() {
		var cell = "y".repeat(CellSanitizer.MAX_CELL_LENGTH + 1);

		var capped = CellSanitizer.capped(cell);

		assertThat(capped).hasSizeLessThanOrEqualTo(CellSanitizer.MAX_CELL_LENGTH).contains("…[truncated ");
	}

	@Test
	void neverSplitsAnEmojiAtTheCut() {
		var cell = "😀".repeat(20_000);

		var capped = CellSanitizer.capped(cell);

		var kept = capped.substring(0, capped.indexOf('…'));
		assertThat(kept.codePoints()).allMatch(cp -> cp == 0x1F600);
	}

	@Test
	void cappedWritesNullAsEmpty() {
		assertThat(CellSanitizer.capped(null)).isEmpty();
	}

}
