package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class FindingsTest {

	@Test
	void givesTitlesAndSnippetsWithoutUrlsWithinTheBudget() {
		var results = new SearchResults("q", IntStream.rangeClosed(1, 10)
			.mapToObj(i -> new SearchResults.Organic("Result " + i + " title",
					"A realistic snippet of about one hundred and fifty characters that says something specific "
							+ "about result number " + i + " ...",
					"https://example.com/page/" + i))
			.toList(), new SearchResults.KnowledgeGraph("Acme", "Acme builds things.", Map.of("Founded", "2016")));

		var text = Findings.of(results, Findings.PERSON_BUDGET, List.of());

		assertThat(text.length()).isLessThanOrEqualTo(Findings.PERSON_BUDGET);
		assertThat(text)
			.startsWith("- Acme: Acme builds things. (Founded: 2016)\n- Result 1 title: A realistic snippet")
			.doesNotContain("https://", "...");
	}

	@Test
	void leavesOutWhatAnotherSearchAlreadyGave() {
		var company = new SearchResults("acme.io",
				List.of(new SearchResults.Organic("Acme raises $20M", "Acme raised $20M.", "https://news.io/acme")),
				null);
		var person = new SearchResults("\"Ann Lee\" Acme",
				List.of(new SearchResults.Organic("Acme raises $20M", "Acme raised $20M.", "https://news.io/acme"),
						new SearchResults.Organic("Ann Lee - LinkedIn", "Head of Growth at Acme.", "https://li/ann"),
						new SearchResults.Organic("Ann Lee - LinkedIn", "Head of Growth at Acme.", "https://li/ann")),
				null);

		var text = Findings.of(person, Findings.PERSON_BUDGET, Findings.given(company));

		assertThat(text).isEqualTo("- Ann Lee - LinkedIn: Head of Growth at Acme.");
	}

}
