package io.leadline.jobs.research;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Search results as the model reads them: the knowledge graph, then each result's title
 * and snippet in rank order, within a fixed budget of characters. URLs are left out (the
 * model does not use them and they cost the most tokens per fact), and a result already
 * given elsewhere (same link or same snippet) is given once.
 */
final class Findings {

	/** Characters of one person search in the prompt. */
	static final int PERSON_BUDGET = 900;

	/** Characters of one company search in the prompt (read once per company). */
	static final int COMPANY_BUDGET = 1_400;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern ELLIPSIS = Pattern.compile("(\\s*(\\.\\.\\.|…)\\s*)+");

	private Findings() {
	}

	/**
	 * @param seen links and snippets the model has already been given; results among them
	 * are skipped
	 */
	static String of(SearchResults results, int budget, Collection<String> seen) {
		if (results.isEmpty()) {
			return "(no results)";
		}
		var skip = new HashSet<>(seen);
		var lines = new LinkedHashSet<String>();
		var graph = results.knowledgeGraph();
		if (graph != null) {
			var facts = graph.attributes()
				.entrySet()
				.stream()
				.map(attribute -> attribute.getKey() + ": " + attribute.getValue())
				.collect(Collectors.joining("; "));
			lines.add(clean(String.join(" ", nonEmpty(graph.title().isBlank() ? "" : graph.title() + ":",
					graph.description(), facts.isEmpty() ? "" : "(" + facts + ")"))));
		}
		for (var hit : results.organic()) {
			var snippet = clean(hit.snippet());
			if (!skip.add(hit.link().toLowerCase(Locale.ROOT)) || !snippet.isEmpty() && !skip.add(snippet)) {
				continue;
			}
			lines.add(clean(hit.title()) + (snippet.isEmpty() ? "" : ": " + snippet));
		}
		return withinBudget(lines, budget);
	}

	/** What a search gave the model, so another prompt can leave it out. */
	static Set<String> given(SearchResults results) {
		var given = new HashSet<String>();
		for (var hit : results.organic()) {
			given.add(hit.link().toLowerCase(Locale.ROOT));
			var snippet = clean(hit.snippet());
			if (!snippet.isEmpty()) {
				given.add(snippet);
			}
		}
		return Set.copyOf(given);
	}

	private static String withinBudget(Collection<String> lines, int budget) {
		var text = new StringBuilder();
		for (var line : lines) {
			var room = budget - text.length() - 3;
			if (room < 40) {
				break;
			}
			text.append(text.isEmpty() ? "" : "\n").append("- ");
			text.append(line.length() <= room ? line : line.substring(0, room - 1).strip() + "…");
		}
		return text.toString();
	}

	private static List<String> nonEmpty(String... parts) {
		return List.of(parts).stream().map(String::strip).filter(part -> !part.isEmpty()).toList();
	}

	private static String clean(String text) {
		return SPACES.matcher(ELLIPSIS.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
	}

}
