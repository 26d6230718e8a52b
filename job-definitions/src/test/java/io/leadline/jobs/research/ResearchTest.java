package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ResearchTest {

	@Test
	void readsTheContractShape() {
		var checked = Research.parse(ProviderWire.research("Ann Lee", "Acme Inc"));

		assertThat(checked.isValid()).isTrue();
		assertThat(checked.value().person().name()).isEqualTo("Ann Lee");
		assertThat(checked.value().company().info()).containsExactly("Raised $20M Series B", "Expanding into Europe");
		assertThat(checked.value().company().moat()).isEqualTo("One workflow for dispatch, tracking and billing");
	}

	@Test
	void acceptsEmptyValuesForAnUnknownPerson() {
		var checked = Research.parse(
				"{\"person\":{\"name\":\"\",\"info\":[]},\"company\":{\"name\":\"Acme\",\"info\":[],\"moat\":\"\"}}");

		assertThat(checked.isValid()).isTrue();
	}

	@Test
	void forgivesACodeFence() {
		var checked = Research.parse("```json\n" + ProviderWire.research("Ann Lee", "Acme Inc") + "\n```");

		assertThat(checked.isValid()).isTrue();
	}

	@Test
	void namesEveryWrongTypeForTheCorrection() {
		var checked = Research
			.parse("{\"person\":{\"name\":null,\"info\":[\"ok\", 3]},\"company\":{\"name\":\"Acme\",\"info\":\"x\"}}");

		assertThat(checked.isValid()).isFalse();
		assertThat(checked.problem()).isEqualTo("person.name must be a string (use \"\" when unknown); "
				+ "person.info must contain only strings; company.info must be an array of strings (use [] when unknown); "
				+ "company.moat must be a string (use \"\" when unknown)");
	}

	@Test
	void rejectsTextThatIsNotJson() {
		var checked = Research.parse("Here is the research you asked for.");

		assertThat(checked.problem()).startsWith("not valid JSON");
	}

	@Test
	void rejectsJsonThatIsNotAnObject() {
		assertThat(Research.parse("[1, 2]").problem()).isEqualTo("the answer must be one JSON object");
	}

	@Test
	void writesCanonicalJsonInContractOrder() {
		var research = new Research(new Research.Person("Ann", List.of("a")),
				new Research.Company("Acme", List.of(), "m"));

		assertThat(research.toJson()).isEqualTo(
				"{\"person\":{\"name\":\"Ann\",\"info\":[\"a\"]},\"company\":{\"name\":\"Acme\",\"info\":[],\"moat\":\"m\"}}");
	}

	@Test
	void refusesMoreFactsThanAllowedSoTheCorrectionCanAskForFewer() {
		var facts = String.join(",", java.util.Collections.nCopies(9, "\"Raised $20M\""));

		var checked = Research.parseCompany("{\"name\":\"Acme\",\"info\":[" + facts + "],\"moat\":\"\"}");

		assertThat(checked.problem()).isEqualTo("info has 9 items, at most 8 allowed");
	}

	@Test
	void refusesAFactLongerThanAllowed() {
		var essay = "word ".repeat(100).strip();

		var checked = Research.parsePerson("{\"person\":{\"name\":\"Ann Lee\",\"info\":[\"" + essay + "\"]}}", false);

		assertThat(checked.problem()).isEqualTo("person.info has 499 characters, at most 400 allowed");
	}

	@Test
	void refusesANameOrMoatLongerThanAllowed() {
		var moat = "x".repeat(401);

		var checked = Research.parse("{\"person\":{\"name\":\"Ann\",\"info\":[]},"
				+ "\"company\":{\"name\":\"Acme\",\"info\":[],\"moat\":\"" + moat + "\"}}");

		assertThat(checked.problem()).isEqualTo("company.moat has 401 characters, at most 400 allowed");
	}

}
