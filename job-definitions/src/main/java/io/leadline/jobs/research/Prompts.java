package io.leadline.jobs.research;

import java.util.stream.Collectors;

/**
 * Every text the model sees, in one place so a wording change is one diff and bumps
 * {@link #PROMPT_VERSION}.
 */
final class Prompts {

	/**
	 * Changes whenever any prompt below changes: cached answers keyed by it go stale
	 * together.
	 */
	public static final String PROMPT_VERSION = "2026-01-research-v1";

	static final int RESULTS_PER_SEARCH = 8;

	static final String RESEARCH_SHAPE = "{\"person\":{\"name\":\"string\",\"info\":[\"string\"]},\"company\":{\"name\":\"string\",\"info\":[\"string\"],\"moat\":\"string\"}}";

	static final String RESEARCH_SYSTEM = """
			You are a B2B sales researcher. From web search results about a prospect, identified by their work \
			email, and about their company, extract what helps personalize a cold email.
			Reply with one JSON object and nothing else, exactly in this shape:
			%s
			Rules:
			- Use only facts the search results support. Never invent.
			- person.name: the person's full name; derive it from the email only when the results confirm it. Use "" when unknown.
			- person.info and company.info: up to 5 short, specific insights each (role, recent news, launches, hiring, \
			funding, focus areas). Use [] when nothing is known.
			- company.moat: the company's unique advantage in one sentence, or "" when unknown.
			- No markdown, no comments, no extra keys."""
		.formatted(RESEARCH_SHAPE);

	static final String OPENER_SYSTEM = """
			You write the opening line of a cold email. It must read as human-written, well-researched, \
			conversational and highly personalized.
			Focus on a pain this person or their company likely faces, grounded in the research, and reference \
			how our service relates to that pain.
			Rules:
			- 1 or 2 sentences. Keep every sentence short: 25 words or fewer.
			- Plain text only: no greeting, no sign-off, no surrounding quotes, no markdown, no bullet points, no emojis.
			- Do not invent facts that are not in the research.
			Reply with the opening line only.""";

	private Prompts() {
	}

	static String researchInput(String email, SearchResults person, SearchResults company) {
		return "Prospect email: " + email + "\n\n" + findings(person) + "\n\n" + findings(company);
	}

	static String researchCorrection(String problem) {
		return "That answer was invalid: " + problem
				+ ". Reply again with only the JSON object, exactly in this shape: " + RESEARCH_SHAPE;
	}

	static String openerInput(String researchJson, ServiceContext service) {
		return """
				Research on the prospect (JSON):
				%s

				Our service:
				- Core offer: %s
				- Key differentiator: %s
				- Call to action: %s
				- Timeline: %s
				- Goal: %s
				- Fallback action: %s""".formatted(researchJson, service.coreOffer(), service.keyDifferentiator(),
				service.cta(), service.timeline(), service.goal(), service.fallbackAction());
	}

	static String openerCorrection(String problem) {
		return "That opener broke the rules: " + problem + ". Rewrite it as 1 or 2 sentences, each 25 words or fewer, "
				+ "plain text only. Reply with the opening line only.";
	}

	private static String findings(SearchResults results) {
		var text = new StringBuilder("Search \"").append(results.query()).append("\":");
		if (results.isEmpty()) {
			return text.append(" no results").toString();
		}
		var graph = results.knowledgeGraph();
		if (graph != null) {
			text.append("\nKnowledge graph: ").append(graph.title()).append(" — ").append(graph.description());
			if (!graph.attributes().isEmpty()) {
				text.append(graph.attributes()
					.entrySet()
					.stream()
					.map(attribute -> attribute.getKey() + ": " + attribute.getValue())
					.collect(Collectors.joining("; ", " (", ")")));
			}
		}
		var organic = results.organic();
		for (int i = 0; i < Math.min(RESULTS_PER_SEARCH, organic.size()); i++) {
			var hit = organic.get(i);
			text.append('\n')
				.append(i + 1)
				.append(". ")
				.append(hit.title())
				.append(" — ")
				.append(hit.snippet())
				.append(" (")
				.append(hit.link())
				.append(')');
		}
		return text.toString();
	}

}
