package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A prospect's research as the result carries it: {@code {"person":{"name","info":[]},
 * "company":{"name","info":[],"moat"}}}, plus {@code "fit":{"score","tier","why"}} when
 * the job scores fit. The model answers in parts (the company once per company, the
 * person per row); parsing checks every type and names the first problem, which goes back
 * to the model in the corrective retry.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Research(Person person, Company company, Fit fit) {

	/** The person call's answer: the person and, when the job scores fit, the fit. */
	record PersonAnswer(Person person, Fit fit) {
	}

	/** How well the prospect matches the seller's ideal customer. */
	record Fit(int score, String tier, String why) {

		static final Set<String> TIERS = Set.of("hot", "warm", "cold");

		Fit {
			if (score < 0 || score > 100 || !TIERS.contains(tier)) {
				throw new IllegalArgumentException("fit " + score + " " + tier);
			}
			Objects.requireNonNull(why, "why");
		}
	}

	record Person(String name, List<String> info) {
		Person {
			Objects.requireNonNull(name, "name");
			info = List.copyOf(info);
		}
	}

	record Company(String name, List<String> info, String moat) {
		Company {
			Objects.requireNonNull(name, "name");
			Objects.requireNonNull(moat, "moat");
			info = List.copyOf(info);
		}
	}

	Research {
		Objects.requireNonNull(person, "person");
		Objects.requireNonNull(company, "company");
	}

	Research(Person person, Company company) {
		this(person, company, null);
	}

	// why: the prompts ask for up to 4 short facts; a model steered by a planted search
	// result must not fill a row (and every email built from it) with pages of text
	static final int MAX_ITEMS = 8;

	static final int MAX_TEXT_CHARS = 400;

	static final Company NO_COMPANY = new Company("", List.of(), "");

	static final Person NO_PERSON = new Person("", List.of());

	/** The company call's answer: {@code {"name","info":[],"moat"}}. */
	static Checked<Company> parseCompany(String text) {
		var root = root(text);
		if (!root.isValid()) {
			return Checked.invalid(root.problem());
		}
		var problems = new ArrayList<String>();
		var name = string(root.value(), "name", problems);
		var info = strings(root.value(), "info", problems);
		var moat = string(root.value(), "moat", problems);
		return problems.isEmpty() ? Checked.valid(new Company(name, info, moat))
				: Checked.invalid(String.join("; ", problems));
	}

	/**
	 * The person call's answer: {@code {"person":{"name","info":[]}}}, with
	 * {@code "fit":{"score","tier","why"}} when {@code withFit}.
	 */
	static Checked<PersonAnswer> parsePerson(String text, boolean withFit) {
		var root = root(text);
		if (!root.isValid()) {
			return Checked.invalid(root.problem());
		}
		var problems = new ArrayList<String>();
		var person = object(root.value(), "person", problems);
		var name = string(person, "person.name", problems);
		var info = strings(person, "person.info", problems);
		Fit fit = null;
		if (withFit) {
			var node = object(root.value(), "fit", problems);
			var score = node.get("score");
			var tier = string(node, "fit.tier", problems).toLowerCase(Locale.ROOT);
			var why = string(node, "fit.why", problems);
			if (score == null || !score.isNumber() || score.asInt() < 0 || score.asInt() > 100) {
				problems.add("fit.score must be a number from 0 to 100");
			}
			else if (!Fit.TIERS.contains(tier)) {
				problems.add("fit.tier must be one of hot, warm, cold");
			}
			else if (problems.isEmpty()) {
				fit = new Fit(score.asInt(), tier, why);
			}
		}
		return problems.isEmpty() ? Checked.valid(new PersonAnswer(new Person(name, info), fit))
				: Checked.invalid(String.join("; ", problems));
	}

	private static Checked<JsonNode> root(String text) {
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(withoutCodeFence(text));
		}
		catch (JacksonException e) {
			return Checked.invalid("not valid JSON (" + OneLine.excerpt(e.getOriginalMessage(), 100) + ")");
		}
		if (root == null || !root.isObject()) {
			return Checked.invalid("the answer must be one JSON object");
		}
		return Checked.valid(root);
	}

	static Checked<Research> parse(String text) {
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(withoutCodeFence(text));
		}
		catch (JacksonException e) {
			return Checked.invalid("not valid JSON (" + OneLine.excerpt(e.getOriginalMessage(), 100) + ")");
		}
		if (root == null || !root.isObject()) {
			return Checked.invalid("the answer must be one JSON object");
		}
		var problems = new ArrayList<String>();
		var person = object(root, "person", problems);
		var company = object(root, "company", problems);
		var personName = string(person, "person.name", problems);
		var personInfo = strings(person, "person.info", problems);
		var companyName = string(company, "company.name", problems);
		var companyInfo = strings(company, "company.info", problems);
		var moat = string(company, "company.moat", problems);
		if (!problems.isEmpty()) {
			return Checked.invalid(String.join("; ", problems));
		}
		return Checked
			.valid(new Research(new Person(personName, personInfo), new Company(companyName, companyInfo, moat)));
	}

	/**
	 * Canonical JSON in the contract's field order; extra keys the model added are gone.
	 */
	String toJson() {
		return JsonMapper.shared().writeValueAsString(this);
	}

	// why: some models wrap JSON in ```json fences even in JSON mode; the content is
	// still usable
	private static String withoutCodeFence(String text) {
		var stripped = text.strip();
		if (stripped.startsWith("```") && stripped.endsWith("```") && stripped.length() > 6) {
			var body = stripped.substring(3, stripped.length() - 3);
			return body.startsWith("json") ? body.substring(4) : body;
		}
		return stripped;
	}

	private static JsonNode object(JsonNode parent, String field, List<String> problems) {
		var node = parent.get(field);
		if (node == null || !node.isObject()) {
			problems.add(field + " must be an object");
			return JsonMapper.shared().createObjectNode();
		}
		return node;
	}

	private static String string(JsonNode parent, String path, List<String> problems) {
		var node = parent.get(leaf(path));
		if (node == null || !node.isString()) {
			problems.add(path + " must be a string (use \"\" when unknown)");
			return "";
		}
		return withinLength(node.stringValue().strip(), path, problems);
	}

	private static String withinLength(String text, String path, List<String> problems) {
		if (text.length() > MAX_TEXT_CHARS) {
			problems.add("%s has %,d characters, at most %d allowed".formatted(path, text.length(), MAX_TEXT_CHARS));
			return "";
		}
		return text;
	}

	private static List<String> strings(JsonNode parent, String path, List<String> problems) {
		var node = parent.get(leaf(path));
		if (node == null || !node.isArray()) {
			problems.add(path + " must be an array of strings (use [] when unknown)");
			return List.of();
		}
		if (node.size() > MAX_ITEMS) {
			problems.add("%s has %d items, at most %d allowed".formatted(path, node.size(), MAX_ITEMS));
			return List.of();
		}
		var values = new ArrayList<String>();
		for (var element : node) {
			if (!element.isString()) {
				problems.add(path + " must contain only strings");
				return List.of();
			}
			values.add(withinLength(element.stringValue().strip(), path, problems));
		}
		return values;
	}

	private static String leaf(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}
}
