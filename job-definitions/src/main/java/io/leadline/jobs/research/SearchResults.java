package io.leadline.jobs.research;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one Serper search found: the organic results in rank order and Google's knowledge
 * graph panel when it showed one ({@code null} otherwise).
 */
record SearchResults(String query, List<Organic> organic, KnowledgeGraph knowledgeGraph) {

	public SearchResults {
		Objects.requireNonNull(query, "query");
		organic = List.copyOf(organic);
	}

	/** One organic result; snippet may be empty, never null. */
	public record Organic(String title, String snippet, String link) {
		public Organic {
			title = Objects.requireNonNullElse(title, "");
			snippet = Objects.requireNonNullElse(snippet, "");
			link = Objects.requireNonNullElse(link, "");
		}
	}

	/**
	 * The knowledge graph panel: a title, a description and facts such as "CEO" or
	 * "Founded".
	 */
	public record KnowledgeGraph(String title, String description, Map<String, String> attributes) {
		public KnowledgeGraph {
			title = Objects.requireNonNullElse(title, "");
			description = Objects.requireNonNullElse(description, "");
			// why: keep the provider's order so the prompt built from it is stable
			attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
		}
	}

	public boolean isEmpty() {
		return organic.isEmpty() && knowledgeGraph == null;
	}
}
