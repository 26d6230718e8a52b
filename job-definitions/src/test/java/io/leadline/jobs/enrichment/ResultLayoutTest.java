package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ResultLayoutTest {

	private static final String SCORED = """
			{"person":{"name":"Ann Lee","info":[]},"company":{"name":"Acme","info":[],"moat":""},\
			"fit":{"score":82,"tier":"hot","why":"Runs growth at a logistics SaaS"}}""";

	@Test
	void addsScoreAndTierAfterTheReasonWhenTheJobScoresFit() {
		var layout = ResultLayout.of(List.of("Email", "Company"), List.of(), true);

		var cells = layout
			.cells(new RowRecord(1, RowStatus.OK, "", SCORED, "Hello.", 0, List.of("ann@acme.io", "Acme")));

		assertThat(layout.header()).containsExactly("Email", "Company", "sif_research", "sif_personalized",
				"sif_status", "sif_reason", "sif_score", "sif_tier");
		assertThat(cells.subList(5, 8)).containsExactly("", "82", "hot");
	}

	@Test
	void leavesScoreAndTierEmptyForARowWithoutFit() {
		var layout = ResultLayout.of(List.of("Email"), List.of(), true);

		var cells = layout.cells(RowRecord.resolved(2, RowStatus.INVALID, "invalid email address", List.of("x")));

		assertThat(cells).endsWith("invalid email address", "", "");
	}

	@Test
	void keepsTheFourSifColumnsWithoutIdealCustomer() {
		var layout = ResultLayout.of(List.of("Email"), List.of(), false);

		assertThat(layout.header()).containsExactly("Email", "sif_research", "sif_personalized", "sif_status",
				"sif_reason");
		assertThat(layout.cells(new RowRecord(1, RowStatus.OK, "", SCORED, "Hello.", 0, List.of("a@b.io")))).hasSize(5);
	}

}
