package io.leadline.jobs.input;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which column holds each {@link ProspectField}: recognised from the headers, then
 * corrected by the caller ({@code fields} in {@code POST /api/jobs}, {@code --field
 * company=Organisation} on the CLI). A column serves at most one field; the email column
 * none. Recognition depends on the headers alone, so a restart maps the same.
 *
 * <pre>{@code
 * var mapping = FieldMapping.recognize(headers, emailColumn).overriddenBy(Map.of("company", "Organisation"));
 * mapping.value(ProspectField.COMPANY, cells); // "Acme"
 * }</pre>
 */
public final class FieldMapping {

	private final Headers headers;

	private final Map<ProspectField, Integer> columns;

	private FieldMapping(Headers headers, Map<ProspectField, Integer> columns) {
		this.headers = headers;
		this.columns = Collections.unmodifiableMap(copy(columns));
	}

	/** No field mapped: research works from the email alone. */
	public static FieldMapping none(Headers headers) {
		return new FieldMapping(headers, new EnumMap<>(ProspectField.class));
	}

	/**
	 * Recognises fields by header spelling: exact spellings first (each field in its own
	 * order of preference), then any header naming a personal LinkedIn profile.
	 * @param emailColumn never mapped to a field; -1 when unknown
	 */
	public static FieldMapping recognize(Headers headers, int emailColumn) {
		var compact = headers.keys().stream().map(FieldMapping::compact).toList();
		var columns = new EnumMap<ProspectField, Integer>(ProspectField.class);
		for (var field : ProspectField.values()) {
			for (var spelling : field.spellings()) {
				var column = firstFree(compact, spelling, columns, emailColumn);
				if (column >= 0) {
					columns.put(field, column);
					break;
				}
			}
		}
		if (!columns.containsKey(ProspectField.LINKEDIN)) {
			for (int i = 0; i < compact.size(); i++) {
				if (isPersonalLinkedIn(compact.get(i)) && i != emailColumn && !columns.containsValue(i)) {
					columns.put(ProspectField.LINKEDIN, i);
					break;
				}
			}
		}
		// why: beside a first-name column, a bare "Name" is the family name ("Vorname;
		// Name" in German exports), not the full one
		var fullName = columns.get(ProspectField.FULL_NAME);
		if (fullName != null && "name".equals(compact.get(fullName)) && columns.containsKey(ProspectField.FIRST_NAME)
				&& !columns.containsKey(ProspectField.LAST_NAME)) {
			columns.remove(ProspectField.FULL_NAME);
			columns.put(ProspectField.LAST_NAME, fullName);
		}
		return new FieldMapping(headers, columns);
	}

	/**
	 * This mapping with the caller's corrections: {@code field -> header} (as written or
	 * its normalized key); an empty header unmaps the field.
	 * @throws IllegalArgumentException naming the unknown field or the missing column
	 */
	public FieldMapping overriddenBy(Map<String, String> overrides) {
		if (overrides == null || overrides.isEmpty()) {
			return this;
		}
		var changed = copy(columns);
		overrides.forEach((name, header) -> {
			var field = ProspectField.ofKey(name)
				.orElseThrow(() -> new IllegalArgumentException(
						"unknown field '%s'; fields are: %s".formatted(name, ProspectField.keys())));
			if (header == null || header.isBlank()) {
				changed.remove(field);
				return;
			}
			var column = headers.indexOf(header)
				.orElseThrow(() -> new IllegalArgumentException("field %s: no column named '%s'; columns are: %s"
					.formatted(field.key(), header.strip(), headers.describe())));
			// why: the caller's choice wins over a recognised field that held the same
			// column
			changed.values().remove(column);
			changed.put(field, column);
		});
		return new FieldMapping(headers, changed);
	}

	public Optional<Integer> column(ProspectField field) {
		return Optional.ofNullable(columns.get(field));
	}

	/** The row's value of {@code field}, stripped; "" when unmapped or missing. */
	public String value(ProspectField field, List<String> cells) {
		var column = columns.get(field);
		if (column == null || column >= cells.size()) {
			return "";
		}
		var value = cells.get(column);
		return value == null ? "" : value.strip();
	}

	/**
	 * {@code field key -> header as written}, in field order: what the upload answer and
	 * the CLI report, and what a job stores in its parameters.
	 */
	public Map<String, String> toHeaders() {
		var mapped = new LinkedHashMap<String, String>();
		columns.forEach((field, column) -> mapped.put(field.key(), headers.originals().get(column).strip()));
		return mapped;
	}

	/**
	 * {@code field key -> column key}: unambiguous even when two headers are spelled
	 * alike, so what prepare settled on is read back the same.
	 */
	public Map<String, String> toKeys() {
		var mapped = new LinkedHashMap<String, String>();
		columns.forEach((field, column) -> mapped.put(field.key(), headers.keys().get(column)));
		return mapped;
	}

	/** One line for the CLI: {@code company=Company, title=Job Title}. */
	public String describe() {
		if (columns.isEmpty()) {
			return "none (research from the email alone)";
		}
		return String.join(", ",
				toHeaders().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
	}

	/**
	 * Parses {@code field=header} lines as job parameters and {@code --field} carry them.
	 */
	public static Map<String, String> parse(List<String> assignments) {
		var parsed = new LinkedHashMap<String, String>();
		for (var assignment : assignments) {
			var eq = assignment.indexOf('=');
			if (eq < 1) {
				throw new IllegalArgumentException(
						"field '%s': expected field=column, e.g. company=Organisation".formatted(assignment));
			}
			parsed.put(assignment.substring(0, eq).strip(), assignment.substring(eq + 1).strip());
		}
		return parsed;
	}

	private static int firstFree(List<String> compact, String spelling, Map<ProspectField, Integer> taken,
			int emailColumn) {
		for (int i = 0; i < compact.size(); i++) {
			if (compact.get(i).equals(spelling) && i != emailColumn && !taken.containsValue(i)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isPersonalLinkedIn(String compactKey) {
		return compactKey.contains("linkedin") && !compactKey.contains("company")
				&& !compactKey.contains("organisation") && !compactKey.contains("organization")
				&& !compactKey.contains("entreprise") && !compactKey.contains("firma");
	}

	// why: EnumMap's copy constructor refuses an empty map that is not an EnumMap
	private static EnumMap<ProspectField, Integer> copy(Map<ProspectField, Integer> columns) {
		var copy = new EnumMap<ProspectField, Integer>(ProspectField.class);
		copy.putAll(columns);
		return copy;
	}

	private static String compact(String key) {
		return key.replace("_", "").toLowerCase(Locale.ROOT);
	}

}
