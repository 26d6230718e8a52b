package io.leadline.jobs.research;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seller's context the opener is personalized with, from {@code --service} JSON or
 * the API. JSON field names are snake_case:
 * {@code core_offer, key_differentiator, cta, timeline, goal,
 * fallback_action}; a missing or blank field takes its value from {@link #defaults()}.
 * The optional {@code ideal_customer} (a sentence or two: who buys) turns on the fit
 * score.
 *
 * <pre>{@code
 * ServiceContext.fromJson("""
 *     {"core_offer": "Done-for-you cold email campaigns", "cta": "Worth a 15-minute call?"}""");
 * }</pre>
 */
public record ServiceContext(String coreOffer, String keyDifferentiator, String cta, String timeline, String goal,
		String fallbackAction, String idealCustomer) {

	/**
	 * why: every field is pasted into a prompt; a cap keeps token cost and prompt
	 * injection bounded.
	 */
	static final int MAX_FIELD_LENGTH = 600;

	private static final Set<String> FIELDS = Set.of("core_offer", "key_differentiator", "cta", "timeline", "goal",
			"fallback_action", "ideal_customer");

	public ServiceContext {
		coreOffer = checked("core_offer", coreOffer);
		keyDifferentiator = checked("key_differentiator", keyDifferentiator);
		cta = checked("cta", cta);
		timeline = checked("timeline", timeline);
		goal = checked("goal", goal);
		fallbackAction = checked("fallback_action", fallbackAction);
		// why: optional; without it research scores no fit and the output is unchanged
		idealCustomer = idealCustomer == null || idealCustomer.isBlank() ? ""
				: checked("ideal_customer", idealCustomer);
	}

	/** A context without an ideal customer: no fit score. */
	public ServiceContext(String coreOffer, String keyDifferentiator, String cta, String timeline, String goal,
			String fallbackAction) {
		this(coreOffer, keyDifferentiator, cta, timeline, goal, fallbackAction, "");
	}

	/** Whether research also scores fit ({@code ideal_customer} is given). */
	public boolean scoresFit() {
		return !idealCustomer.isEmpty();
	}

	/**
	 * A generic B2B offer, used when the caller gives no service context or leaves fields
	 * out.
	 */
	public static ServiceContext defaults() {
		return new ServiceContext("We help B2B teams win more pipeline with well-researched, personalized outbound",
				"Every message is grounded in real research on the prospect, not templates",
				"Open to a short call next week to see if it fits?", "First results within 30 days",
				"Book a discovery call", "If the timing is off, I can send a two-minute overview instead");
	}

	/**
	 * Parses snake_case JSON; missing or blank fields fall back to {@link #defaults()}.
	 * @throws IllegalArgumentException when the text is not a JSON object, a field is not
	 * text, a field is too long, or a field name is unknown (likely a typo)
	 */
	public static ServiceContext fromJson(String json) {
		var node = parse(json);
		var unknown = node.propertyNames().stream().filter(name -> !FIELDS.contains(name)).sorted().toList();
		if (!unknown.isEmpty()) {
			throw new IllegalArgumentException("service context: unknown field(s) " + unknown + "; expected some of "
					+ "core_offer, key_differentiator, cta, timeline, goal, fallback_action, ideal_customer");
		}
		var fallback = defaults();
		return new ServiceContext(text(node, "core_offer", fallback.coreOffer()),
				text(node, "key_differentiator", fallback.keyDifferentiator()), text(node, "cta", fallback.cta()),
				text(node, "timeline", fallback.timeline()), text(node, "goal", fallback.goal()),
				text(node, "fallback_action", fallback.fallbackAction()), text(node, "ideal_customer", ""));
	}

	public String toJson() {
		return JsonMapper.shared().writeValueAsString(asMap());
	}

	Map<String, String> asMap() {
		var fields = new LinkedHashMap<String, String>();
		fields.put("core_offer", coreOffer);
		fields.put("key_differentiator", keyDifferentiator);
		fields.put("cta", cta);
		fields.put("timeline", timeline);
		fields.put("goal", goal);
		fields.put("fallback_action", fallbackAction);
		if (scoresFit()) {
			fields.put("ideal_customer", idealCustomer);
		}
		return fields;
	}

	private static JsonNode parse(String json) {
		if (json == null || json.isBlank()) {
			throw new IllegalArgumentException(
					"service context: empty; expected a JSON object such as {\"core_offer\": \"...\"}");
		}
		JsonNode node;
		try {
			node = JsonMapper.shared().readTree(json);
		}
		catch (JacksonException e) {
			throw new IllegalArgumentException(
					"service context: not valid JSON (" + OneLine.excerpt(e.getOriginalMessage(), 120) + ")", e);
		}
		if (node == null || !node.isObject()) {
			throw new IllegalArgumentException(
					"service context: expected a JSON object such as {\"core_offer\": \"...\"}");
		}
		return node;
	}

	private static String text(JsonNode node, String field, String fallback) {
		var value = node.get(field);
		if (value == null || value.isNull()) {
			return fallback;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException(
					"service context: " + field + " must be text, got " + value.getNodeType().name().toLowerCase());
		}
		return value.stringValue().isBlank() ? fallback : value.stringValue();
	}

	private static String checked(String field, String value) {
		Objects.requireNonNull(value, field);
		var stripped = value.strip();
		if (stripped.isEmpty()) {
			throw new IllegalArgumentException("service context: " + field + " must not be blank");
		}
		if (stripped.length() > MAX_FIELD_LENGTH) {
			throw new IllegalArgumentException("service context: %s is %d characters, at most %d allowed"
				.formatted(field, stripped.length(), MAX_FIELD_LENGTH));
		}
		return stripped;
	}
}
