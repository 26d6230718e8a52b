package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import mockwebserver3.MockResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.research.ServiceContext;

/**
 * The evaluation harness of {@code bench/quality} against a loopback model: a model that
 * answers from its prompt passes every rule on all 30 rows, and one that greets and names
 * another row's company is caught.
 */
class QualityEvaluationTest {

	private static final Path ROWS = Path.of("../bench/quality/rows.csv");

	private static final Path SEARCHES = Path.of("../bench/quality/searches.json");

	private static final Pattern FINDING = Pattern.compile("(?m)^- (.+?): (.+)$");

	private static final Pattern LABEL = Pattern.compile("(?m)^(Name|Company in the list): (.*)$");

	private static final Pattern RESEARCH = Pattern.compile("(?m)^Research: (\\{.*\\})$");

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	@Test
	void aModelThatAnswersFromItsPromptPassesEveryRuleOnEveryRow() throws Exception {
		providers.groq = QualityEvaluationTest::grounded;

		var report = QualityEvaluation.run(ROWS, SEARCHES, providers.settings(), ServiceContext.defaults());

		assertThat(report.rows()).hasSize(30);
		assertThat(report.rows())
			.allSatisfy(row -> assertThat(row.broken()).as(row.email() + ": " + row.opener()).isEmpty());
		assertThat(report.passed()).isEqualTo(30);
		assertThat(providers.searchQueries()).as("searches are replayed, never sent").isEmpty();
	}

	@Test
	void catchesAGreetingAndAnotherRowsCompany() throws Exception {
		providers.groq = call -> call.json() ? grounded(call)
				: ProviderWire.chatCompletion("Hi there, Ledgerlight closes the books in two days. Does yours?");

		var report = QualityEvaluation.run(ROWS, SEARCHES, providers.settings(), ServiceContext.defaults());

		var parcelwise = report.rows().get(0);
		assertThat(parcelwise.broken()).contains("opener: starts with a greeting",
				"opener: mentions no specific fact of the research",
				"opener: names another row's company (Ledgerlight)");
		var ledgerlight = report.rows().get(7);
		assertThat(ledgerlight.email()).isEqualTo("priya@ledgerlight.io");
		assertThat(ledgerlight.broken()).contains("opener: starts with a greeting")
			.doesNotContain("opener: names another row's company (Ledgerlight)");
		assertThat(report.passed()).isZero();
	}

	/** A model that only restates what its prompt says. */
	static MockResponse grounded(FakeProviders.ChatCall call) {
		var prompt = call.firstUserMessage();
		if (call.isCompanySummary()) {
			return ProviderWire.chatCompletion(
					"{\"name\":%s,\"info\":%s,\"moat\":\"\"}".formatted(quote(label(prompt, "Company in the list")),
							JsonMapper.shared().writeValueAsString(facts(prompt))));
		}
		if (call.json()) {
			return ProviderWire.chatCompletion("{\"person\":{\"name\":%s,\"info\":%s}}"
				.formatted(quote(label(prompt, "Name")), JsonMapper.shared().writeValueAsString(facts(prompt))));
		}
		var research = RESEARCH.matcher(prompt);
		research.find();
		JsonNode json = JsonMapper.shared().readTree(research.group(1));
		var info = json.path("company").path("info").isEmpty() ? json.path("person").path("info")
				: json.path("company").path("info");
		var fact = words(info.path(0).asString("your recent news"), 14);
		return ProviderWire.chatCompletion("Saw this: " + fact
				+ ". Growing like that makes it hard to keep every prospect conversation well researched.");
	}

	private static List<String> facts(String prompt) {
		var facts = new ArrayList<String>();
		var matcher = FINDING.matcher(prompt);
		while (matcher.find() && facts.size() < 3) {
			facts.add(words(matcher.group(2).split("(?<=[.!?]) ")[0], 16));
		}
		return facts;
	}

	private static String label(String prompt, String label) {
		var matcher = LABEL.matcher(prompt);
		while (matcher.find()) {
			if (matcher.group(1).equals(label)) {
				return matcher.group(2).strip();
			}
		}
		return "";
	}

	private static String words(String text, int max) {
		var words = text.replaceAll("[.…]+$", "").split("\\s+");
		return String.join(" ", List.of(words).subList(0, Math.min(max, words.length)));
	}

	private static String quote(String text) {
		return JsonMapper.shared().writeValueAsString(text);
	}

}
