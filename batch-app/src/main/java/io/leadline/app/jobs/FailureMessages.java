package io.leadline.app.jobs;

/**
 * Turns Batch's exit descriptions (often whole stack traces) into one line for people.
 */
final class FailureMessages {

	private FailureMessages() {
	}

	/** The innermost "Caused by" message if there is one, else the first line. */
	public static String firstLine(String description) {
		String best = null;
		for (String line : description.split("\\R")) {
			String trimmed = line.trim();
			if (best == null && !trimmed.isEmpty()) {
				best = trimmed;
			}
			if (trimmed.startsWith("Caused by: ")) {
				best = trimmed.substring("Caused by: ".length());
			}
		}
		if (best == null) {
			return "failed";
		}
		int colon = best.indexOf(": ");
		boolean startsWithClassName = colon > 0 && best.substring(0, colon).matches("[\\w.$]+");
		return startsWithClassName ? best.substring(colon + 2) : best;
	}

}
