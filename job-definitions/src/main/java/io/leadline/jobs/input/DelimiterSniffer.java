package io.leadline.jobs.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Guesses the delimiter from the first lines: the candidate whose count outside quotes in
 * the header is repeated by most of the following lines wins. Counting against the
 * header, not a global maximum, keeps a comma inside "Müller, Hans" from outvoting the
 * real semicolons.
 */
final class DelimiterSniffer {

	private static final char[] CANDIDATES = { ',', ';', '\t', '|' };

	private static final int MAX_LINES = 50;

	private DelimiterSniffer() {
	}

	/**
	 * @param text the start of the file
	 * @param complete whether text is the whole file (else its last line may be cut
	 * short)
	 */
	static char sniff(String text, boolean complete) {
		List<String> lines = logicalLines(text, complete);
		if (lines.isEmpty()) {
			return ',';
		}
		char best = ',';
		double bestScore = -1;
		int bestCount = 0;
		for (char candidate : CANDIDATES) {
			int headerCount = countOutsideQuotes(lines.get(0), candidate);
			if (headerCount == 0) {
				continue;
			}
			double score = agreement(lines, candidate, headerCount);
			if (score > bestScore || score == bestScore && headerCount > bestCount) {
				best = candidate;
				bestScore = score;
				bestCount = headerCount;
			}
		}
		return best;
	}

	private static double agreement(List<String> lines, char candidate, int headerCount) {
		if (lines.size() == 1) {
			return 1;
		}
		int agreeing = 0;
		for (String line : lines.subList(1, lines.size())) {
			if (countOutsideQuotes(line, candidate) == headerCount) {
				agreeing++;
			}
		}
		return (double) agreeing / (lines.size() - 1);
	}

	private static int countOutsideQuotes(String line, char candidate) {
		int count = 0;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == candidate && !quoted) {
				count++;
			}
		}
		return count;
	}

	/** Lines split at line breaks outside quotes, empty ones dropped. */
	private static List<String> logicalLines(String text, boolean complete) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length() && lines.size() < MAX_LINES; i++) {
			char c = text.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			if ((c == '\n' || c == '\r') && !quoted) {
				addIfNotEmpty(lines, line);
				line.setLength(0);
			}
			else {
				line.append(c);
			}
		}
		if (complete) {
			addIfNotEmpty(lines, line);
		}
		return lines;
	}

	private static void addIfNotEmpty(List<String> lines, StringBuilder line) {
		if (!line.isEmpty() && lines.size() < MAX_LINES) {
			lines.add(line.toString());
		}
	}

}
