package io.leadline.jobs.research;

/** Squeezes provider text into one short line: reasons end up in a CSV cell. */
final class OneLine {

	static final int MAX_REASON = 200;

	private OneLine() {
	}

	static String of(String text) {
		return excerpt(text, MAX_REASON);
	}

	static String excerpt(String text, int maxChars) {
		if (text == null) {
			return "";
		}
		var line = text.replaceAll("\\s+", " ").strip();
		return line.length() <= maxChars ? line : line.substring(0, maxChars - 1).stripTrailing() + "…";
	}

}
