package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.List;

/**
 * Every text the model sees, in one place so a wording change is one diff and bumps
 * {@link #PROMPT_VERSION}. System prompts come first in every request and never vary with
 * the row (what varies goes in the user message), so a provider's prompt cache can reuse
 * them across calls.
 */
final class Prompts {

	/**
	 * Changes whenever any prompt below changes: cached answers keyed by it go stale
	 * together.
	 */
	public static final String PROMPT_VERSION = "2026-11-research-v2";

	static final String COMPANY_SHAPE = "{\"name\":\"string\",\"info\":[\"string\"],\"moat\":\"string\"}";

	static final String PERSON_SHAPE = "{\"person\":{\"name\":\"string\",\"info\":[\"string\"]}}";

	static final String PERSON_FIT_SHAPE = "{\"person\":{\"name\":\"string\",\"info\":[\"string\"]},"
			+ "\"fit\":{\"score\":0,\"tier\":\"hot|warm|cold\",\"why\":\"string\"}}";

	static final String COMPANY_SYSTEM = """
			You summarize a company for B2B sales research from web search results.
			Reply with one JSON object, exactly this shape: %s
			- Only facts the results support. Never invent.
			- name: the company's name. info: up to 4 short, specific facts (offer, customers, news, funding, hiring); \
			[] when none. moat: its edge in one sentence, or "".
			- No markdown, no extra keys.""".formatted(COMPANY_SHAPE);

	static final String PERSON_SYSTEM = """
			You research a B2B prospect from facts in their list row, a summary of their company and web search results.
			Reply with one JSON object, exactly this shape: %s
			- Only facts the row or results support; results about a namesake elsewhere do not count. Never invent.
			- person.name: full name, or "". person.info: up to 4 short, specific facts (role, focus, recent moves, \
			talks, posts); [] when none.
			- No markdown, no extra keys.""".formatted(PERSON_SHAPE);

	static final String PERSON_FIT_SYSTEM = """
			You research a B2B prospect from facts in their list row, a summary of their company and web search results, \
			and rate how well they fit the seller's ideal customer.
			Reply with one JSON object, exactly this shape: %s
			- Only facts the row or results support; results about a namesake elsewhere do not count. Never invent.
			- person.name: full name, or "". person.info: up to 4 short, specific facts (role, focus, recent moves, \
			talks, posts); [] when none.
			- fit.score: 0-100 match with the ideal customer; fit.tier: hot (70+), warm (40-69) or cold (below 40); \
			fit.why: one short sentence.
			- No markdown, no extra keys."""
		.formatted(PERSON_FIT_SHAPE);

	static final String OPENER_SYSTEM = """
			You write the opening line of a cold email: human, conversational, specific to this prospect.
			Name a pain they or their company likely face, grounded in the research, and how our service relates to it.
			- 1 or 2 sentences, each 25 words or fewer.
			- Plain text: no greeting, sign-off, quotes, markdown, bullets, emojis, links, emails or phone numbers.
			- Use only facts in the research.
			Reply with the opening line only.""";

	private Prompts() {
	}

	static String companyInput(Prospect prospect, SearchResults company) {
		var known = new ArrayList<String>();
		add(known, "Company in the list", prospect.company());
		prospect.companyDomain().ifPresent(domain -> known.add("Website: " + domain));
		known.add("Search results:\n" + Findings.of(company, Findings.COMPANY_BUDGET, List.of()));
		return String.join("\n", known);
	}

	/**
	 * The row's facts, the company summary and the person search. A LinkedIn URL from the
	 * row is a known fact, not something to search.
	 */
	static String personInput(Prospect prospect, String companyJson, SearchResults person, List<String> seen,
			String idealCustomer) {
		var known = new ArrayList<String>();
		known.add("Email: " + prospect.email());
		add(known, "Name", prospect.name());
		add(known, "Title", prospect.title());
		add(known, "Company", prospect.company());
		add(known, "LinkedIn", prospect.linkedin());
		add(known, "Location", prospect.location());
		known.add("Company summary: " + companyJson);
		known
			.add("Search results:\n" + (person == null ? "(none)" : Findings.of(person, Findings.PERSON_BUDGET, seen)));
		add(known, "Ideal customer", idealCustomer);
		return String.join("\n", known);
	}

	static String researchCorrection(String problem, String shape) {
		return "That answer was invalid: " + problem + ". Reply again with only the JSON object, exactly this shape: "
				+ shape;
	}

	/**
	 * @param note what the opener must take into account about this row, or "" (e.g. the
	 * company is unknown)
	 */
	static String openerInput(String researchJson, ServiceContext service, String note) {
		var input = """
				Research: %s
				Our service: %s. Differentiator: %s. Goal: %s.""".formatted(researchJson, service.coreOffer(),
				service.keyDifferentiator(), service.goal());
		return note.isEmpty() ? input : input + "\nNote: " + note;
	}

	static String openerCorrection(String problem) {
		return "That opener broke the rules: " + problem + ". Rewrite it as 1 or 2 sentences, each 25 words or fewer, "
				+ "plain text only. Reply with the opening line only.";
	}

	private static void add(List<String> lines, String label, String value) {
		if (value != null && !value.isBlank()) {
			lines.add(label + ": " + value);
		}
	}

}
