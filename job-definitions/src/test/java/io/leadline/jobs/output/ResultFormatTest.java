package io.leadline.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ResultFormatTest {

	@Test
	void parsesNamesIgnoringCaseAndSurroundingSpace() {
		assertThat(ResultFormat.parse("csv")).isEqualTo(ResultFormat.CSV);
		assertThat(ResultFormat.parse(" XLSX ")).isEqualTo(ResultFormat.XLSX);
		assertThat(ResultFormat.parse("Xlsx")).isEqualTo(ResultFormat.XLSX);
	}

	@Test
	void rejectsAnUnknownNameListingTheAcceptedOnes() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResultFormat.parse("pdf"))
			.withMessage("unknown result format 'pdf', expected one of csv, xlsx");
	}

	@Test
	void rejectsAMissingName() {
		assertThatIllegalArgumentException().isThrownBy(() -> ResultFormat.parse(null))
			.withMessageContaining("missing");
		assertThatIllegalArgumentException().isThrownBy(() -> ResultFormat.parse("  "))
			.withMessageContaining("missing");
	}

	@Test
	void namesExtensionAndContentType() {
		assertThat(ResultFormat.CSV.extension()).isEqualTo("csv");
		assertThat(ResultFormat.CSV.contentType()).isEqualTo("text/csv; charset=UTF-8");
		assertThat(ResultFormat.XLSX.extension()).isEqualTo("xlsx");
		assertThat(ResultFormat.XLSX.contentType())
			.isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
	}

}
