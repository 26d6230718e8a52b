package io.leadline.jobs.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The header as written plus one unique normalized key per column. Originals go back into
 * the output unchanged; keys are what code and users refer to ("--email-column e_mail").
 *
 * <p>
 * Keys: {@link HeaderNormalizer#normalize}; a header without letters or digits becomes
 * {@code column_N} (1-based); a repeated key gets {@code _2}, {@code _3}, ...
 */
public record Headers(List<String> originals, List<String> keys) {

	public Headers {
		originals = List.copyOf(originals);
		keys = List.copyOf(keys);
		if (originals.size() != keys.size()) {
			throw new IllegalArgumentException("%d originals but %d keys".formatted(originals.size(), keys.size()));
		}
		if (Set.copyOf(keys).size() != keys.size()) {
			throw new IllegalArgumentException("keys must be unique: " + keys);
		}
	}

	public static Headers of(List<String> originals) {
		List<String> keys = new ArrayList<>(originals.size());
		Set<String> taken = new HashSet<>();
		for (int i = 0; i < originals.size(); i++) {
			String key = HeaderNormalizer.normalize(originals.get(i));
			keys.add(unique(key.isEmpty() ? positional(i) : key, taken));
		}
		return new Headers(originals, keys);
	}

	public int size() {
		return keys.size();
	}

	/** The column whose header (case-insensitive, trimmed) or normalized key matches. */
	public OptionalInt indexOf(String nameOrKey) {
		if (nameOrKey == null || nameOrKey.isBlank()) {
			return OptionalInt.empty();
		}
		String wanted = nameOrKey.strip();
		for (int i = 0; i < size(); i++) {
			if (originals.get(i).strip().equalsIgnoreCase(wanted)
					|| keys.get(i).equals(wanted.toLowerCase(Locale.ROOT))) {
				return OptionalInt.of(i);
			}
		}
		int byKey = keys.indexOf(HeaderNormalizer.normalize(wanted));
		return byKey < 0 ? OptionalInt.empty() : OptionalInt.of(byKey);
	}

	/**
	 * Adds {@code column_N} columns so the extra cells of a ragged long row keep a name.
	 */
	public Headers widenedTo(int width) {
		if (width <= size()) {
			return this;
		}
		List<String> wideOriginals = new ArrayList<>(originals);
		List<String> wideKeys = new ArrayList<>(keys);
		Set<String> taken = new HashSet<>(keys);
		for (int i = size(); i < width; i++) {
			wideOriginals.add(positional(i));
			wideKeys.add(unique(positional(i), taken));
		}
		return new Headers(wideOriginals, wideKeys);
	}

	/** The header names for a one-line message, shortened when there are many. */
	String describe() {
		List<String> names = originals.stream().map(String::strip).toList();
		if (names.size() <= 20) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, 20)) + ", ... (%d more)".formatted(names.size() - 20);
	}

	private static String positional(int index) {
		return "column_" + (index + 1);
	}

	private static String unique(String key, Set<String> taken) {
		String candidate = key;
		for (int suffix = 2; !taken.add(candidate); suffix++) {
			candidate = key + "_" + suffix;
		}
		return candidate;
	}
}
