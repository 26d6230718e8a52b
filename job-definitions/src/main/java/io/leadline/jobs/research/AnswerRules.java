package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules an evaluation checks each answer by, beyond what the pipeline already
 * enforces: valid research JSON; an opener of 1–2 sentences of at most 25 words each,
 * without a greeting, URL, e-mail address or phone number, that mentions at least one
 * specific fact of its own row's research and never another row's company.
 */
public final class AnswerRules {

	private static final Pattern GREETING = Pattern
		.compile("(?iu)^(hi|hello|hey|dear|greetings|good (morning|afternoon|evening)|bonjour|hallo|hola|ciao|olá)\\b");

	private static final Pattern URL = Pattern
		.compile("(?i)(https?://|www\\.)\\S+|\\b[a-z0-9-]+\\.(com|io|de|fr|co|net|org)\\b");

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+\\.[\\w.]+");

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{7,}\\d");

	private static final Pattern TERM = Pattern.compile("[\\p{L}\\p{N}$€£%]+(?:[.,][\\p{N}]+)?[\\p{L}%]*");

	private static final Set<String> STOPWORDS = Set.of("about", "after", "their", "there", "these", "those", "which",
			"while", "where", "would", "could", "should", "other", "every", "since", "before", "across", "into", "with",
			"from", "your", "team", "teams", "company", "companies", "business", "customers", "growth", "help",
			"helps");

	private AnswerRules() {
	}

	/**
	 * The rules {@code opener} breaks, in order; empty when it passes.
	 * @param research the row's research JSON, null when the row has none
	 * @param otherCompanies the companies of the other rows of the evaluation
	 */
	public static List<String> broken(String research, String opener, Collection<String> otherCompanies) {
		var broken = new ArrayList<String>();
		var json = parse(research);
		if (json == null || !json.path("person").isObject() || !json.path("company").isObject()) {
			broken.add("research: not valid research JSON");
		}
		if (opener == null || opener.isBlank()) {
			broken.add("opener: missing");
			return broken;
		}
		var shape = OpenerRules.check(opener);
		if (!shape.isValid()) {
			broken.add("opener: " + shape.problem());
		}
		if (GREETING.matcher(opener.strip()).find()) {
			broken.add("opener: starts with a greeting");
		}
		if (EMAIL.matcher(opener).find()) {
			broken.add("opener: contains an e-mail address");
		}
		else if (URL.matcher(opener).find()) {
			broken.add("opener: contains a URL");
		}
		if (PHONE.matcher(opener).find()) {
			broken.add("opener: contains a phone number");
		}
		if (json != null && !mentionsAFact(opener, json)) {
			broken.add("opener: mentions no specific fact of the research");
		}
		var own = json == null ? "" : json.path("company").path("name").asString("");
		for (var other : otherCompanies) {
			if (!other.isBlank() && !other.equalsIgnoreCase(own) && containsWord(opener, other)) {
				broken.add("opener: names another row's company (" + other + ")");
				break;
			}
		}
		return broken;
	}

	/**
	 * A fact is specific when it is a number or a word of five letters or more from the
	 * research's info or moat (not a name, not a common word).
	 */
	static boolean mentionsAFact(String opener, JsonNode research) {
		var names = new HashSet<String>();
		names.addAll(terms(research.path("person").path("name").asString("")));
		names.addAll(terms(research.path("company").path("name").asString("")));
		var facts = new HashSet<String>();
		for (var info : List.of(research.path("person").path("info"), research.path("company").path("info"))) {
			info.forEach(item -> facts.addAll(terms(item.asString(""))));
		}
		facts.addAll(terms(research.path("company").path("moat").asString("")));
		facts.removeAll(names);
		return terms(opener).stream().anyMatch(facts::contains);
	}

	private static Set<String> terms(String text) {
		var terms = new HashSet<String>();
		var matcher = TERM.matcher(text.toLowerCase(Locale.ROOT));
		while (matcher.find()) {
			var term = matcher.group();
			var numeric = term.chars().anyMatch(Character::isDigit);
			if ((numeric || term.length() >= 5) && !STOPWORDS.contains(term)) {
				terms.add(term);
			}
		}
		return terms;
	}

	private static boolean containsWord(String text, String phrase) {
		return Pattern.compile("(?iu)(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.strip()) + "(?![\\p{L}\\p{N}])")
			.matcher(text)
			.find();
	}

	private static JsonNode parse(String research) {
		if (research == null || research.isBlank()) {
			return null;
		}
		try {
			var node = JsonMapper.shared().readTree(research);
			return node != null && node.isObject() ? node : null;
		}
		catch (JacksonException e) {
			return null;
		}
	}

}
