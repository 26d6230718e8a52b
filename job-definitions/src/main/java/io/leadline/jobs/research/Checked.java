package io.leadline.jobs.research;

/**
 * A model answer after validation: the usable value, or what was wrong with it (for the
 * corrective retry).
 */
record Checked<T>(T value, String problem) {

	Checked {
		if ((value == null) == (problem == null)) {
			throw new IllegalArgumentException("exactly one of value and problem must be set");
		}
	}

	static <T> Checked<T> valid(T value) {
		return new Checked<>(value, null);
	}

	static <T> Checked<T> invalid(String problem) {
		return new Checked<>(null, problem);
	}

	boolean isValid() {
		return value != null;
	}
}
