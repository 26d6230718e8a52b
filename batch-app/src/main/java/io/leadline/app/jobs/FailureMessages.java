package io.leadline.app.jobs;

/**
 * Turns Batch's exit descriptions (often whole stack traces) into one line for people.
 */
public final class FailureMessages {

	private FailureMessages() {
	}

	/** What an owner reads when a job failed on the server's own trouble. */
	public static final String INTERNAL = "the job stopped on an internal error; the operator's log has the details";

	// why: driver, SQL and storage messages name tables, keys and hosts; they are for
	// operators, who read them in the log beside the job id
	private static final java.util.List<String> INFRASTRUCTURE = java.util.List.of("java.sql.", "org.h2.",
			"org.postgresql.", "org.springframework.dao.", "org.springframework.jdbc.", "software.amazon.", "java.io.",
			"java.nio.", "io.lettuce.", "org.springframework.transaction.");

	/**
	 * {@link #firstLine}, unless the failure came from the database, the object store or
	 * the file system: then the stable {@link #INTERNAL} message.
	 */
	public static String forOwner(String description) {
		for (String line : description.split("\\R")) {
			String trimmed = line.trim();
			String cause = trimmed.startsWith("Caused by: ") ? trimmed.substring("Caused by: ".length()) : trimmed;
			if (INFRASTRUCTURE.stream().anyMatch(cause::startsWith)) {
				return INTERNAL;
			}
		}
		return firstLine(description);
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
