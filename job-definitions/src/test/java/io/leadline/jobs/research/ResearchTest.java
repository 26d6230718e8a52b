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

}
