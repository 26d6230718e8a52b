package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpenerRulesTest {

	private static final String WORDS_25 = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
			+ "fifteen sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive";

	@Test
	void acceptsTwoShortSentences() {
		var checked = OpenerRules
			.check("Scaling outbound across Europe is hard. We research every prospect so your reps don't have to.");

		assertThat(checked.value()).isEqualTo(
				"Scaling outbound across Europe is hard. We research every prospect so your reps don't have to.");
	}

	@Test
	void acceptsASentenceOfExactly25Words() {
		assertThat(OpenerRules.check(WORDS_25 + ".").isValid()).isTrue();
	}

	@Test
	void rejectsASentenceOf26Words() {
		assertThat(OpenerRules.check(WORDS_25 + " more.").problem())
			.isEqualTo("sentence 1 has 26 words, at most 25 allowed");
	}

	@Test
	void rejectsThreeSentences() {
		assertThat(OpenerRules.check("One here. Two here! Three here?").problem())
			.isEqualTo("3 sentences, at most 2 allowed");
	}

	@Test
	void doesNotSplitSentencesOnAbbreviations() {
		assertThat(OpenerRules.check("Teams like yours, e.g. in freight, lose deals to slow follow-up. We fix that.")
			.isValid()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"Quoted opener here.\"", "“Quoted opener here.”", "'Quoted opener here.'" })
	void stripsSurroundingQuotes(String answer) {
		assertThat(OpenerRules.check(answer).value()).isEqualTo("Quoted opener here.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "- first point\n- second point", "**Bold** claim here.", "1. Numbered idea", "# Heading",
			"See [our site](https://x.io)." })
	void rejectsMarkdownAndBullets(String answer) {
		assertThat(OpenerRules.check(answer).problem()).isEqualTo("markdown or bullets, plain text required");
	}

	@Test
	void joinsLinesIntoOne() {
		assertThat(OpenerRules.check("Scaling is hard.\nWe help.").value()).isEqualTo("Scaling is hard. We help.");
	}

	@Test
	void rejectsAnEmptyAnswer() {
		assertThat(OpenerRules.check("  \"\" ").problem()).isEqualTo("empty answer");
	}

	private static final String RESEARCH = "Research: {\"company\":{\"name\":\"Acme\",\"info\":[\"Launched acme.io/pricing\","
			+ "\"Sales desk: +1 (415) 555-0100\"],\"moat\":\"\"}}\nOur service: Research. Differentiator: x. Goal: y.";

	@ParameterizedTest
	@ValueSource(strings = { "Your new portal at acme-login.help/reset looks great. We can help fill it.",
			"Saw https://evil.example/win and thought of you. We can help.",
			"Loved the launch; write to billing@acme-payments.example to claim it.",
			"Call +1 (212) 555-0199 about your Europe launch. We can help." })
	void refusesAContactDetailTheResearchDoesNotContain(String opener) {
		var checked = OpenerRules.check(opener, RESEARCH);

		assertThat(checked.isValid()).isFalse();
		assertThat(checked.problem()).endsWith("that is not in the research; leave links and contact details out");
	}

	@Test
	void namesTheForeignLinkForTheCorrection() {
		assertThat(OpenerRules.check("Reset it at acme-login.help/reset now.", RESEARCH).problem())
			.startsWith("a URL (acme-login.help/reset)");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Congrats on launching acme.io/pricing this spring.",
			"Congrats on the new pricing page at https://www.acme.io/pricing.",
			"Your sales desk at +1 415 555 0100 must be busy since the launch.",
			"Revenue grew from $1.2M to $3.4M over 2019-2023, e.g. in freight. We help teams like yours." })
	void acceptsContactsTheResearchHasAndNumbersThatAreNotContacts(String opener) {
		assertThat(OpenerRules.check(opener, RESEARCH).isValid()).as(OpenerRules.check(opener, RESEARCH).problem())
			.isTrue();
	}

}
