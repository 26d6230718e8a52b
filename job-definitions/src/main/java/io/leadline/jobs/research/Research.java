package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthesis the model must return: {@code {"person":{"name","info":[]},
 * "company":{"name","info":[],"moat"}}}. Parsing checks every type and names the first
 * problem, which goes back to the model in the corrective retry.
 */
record Research(Person person, Company company) {

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
		return node.stringValue().strip();
	}

	private static List<String> strings(JsonNode parent, String path, List<String> problems) {
		var node = parent.get(leaf(path));
		if (node == null || !node.isArray()) {
			problems.add(path + " must be an array of strings (use [] when unknown)");
			return List.of();
		}
		var values = new ArrayList<String>();
		for (var element : node) {
			if (!element.isString()) {
				problems.add(path + " must contain only strings");
				return List.of();
			}
			values.add(element.stringValue().strip());
		}
		return values;
	}

	private static String leaf(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}
}
