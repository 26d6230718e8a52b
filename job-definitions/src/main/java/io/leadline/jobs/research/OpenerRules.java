package io.leadline.jobs.research;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The opener's house rules: plain text, one or two sentences, each at most 25 words.
 * Surrounding quotes are forgiven and stripped; markdown and bullets are not, because
 * they would show up verbatim in an email.
 */
final class OpenerRules {

	static final int MAX_SENTENCES = 2;
	static final int MAX_WORDS_PER_SENTENCE = 25;

	private static final Pattern MARKDOWN = Pattern
		.compile("(?m)^\\s*([-*•+]\\s|\\d+[.)]\\s|#)|\\*\\*|__|`|\\[[^]]*]\\([^)]*\\)");

	// why: a sentence ends at . ! ? only when the next one starts like a sentence, so
	// "e.g. our" stays one
	private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.!?…])[\"”’')]*\\s+(?=[\"“‘'(]?[\\p{Lu}\\d])");

	private static final Pattern WORD = Pattern.compile(".*[\\p{L}\\p{N}].*");

	private static final List<String[]> QUOTE_PAIRS = List.of(new String[] { "\"", "\"" }, new String[] { "'", "'" },
			new String[] { "“", "”" }, new String[] { "‘", "’" }, new String[] { "«", "»" });

	private OpenerRules() {
	}

	static Checked<String> check(String answer) {
		var text = withoutSurroundingQuotes(answer == null ? "" : answer.strip());
		if (text.isEmpty()) {
			return Checked.invalid("empty answer");
		}
		if (MARKDOWN.matcher(text).find()) {
			return Checked.invalid("markdown or bullets, plain text required");
		}
		var line = text.replaceAll("\\s+", " ");
		var sentences = SENTENCE_BREAK.split(line);
		if (sentences.length > MAX_SENTENCES) {
			return Checked.invalid("%d sentences, at most %d allowed".formatted(sentences.length, MAX_SENTENCES));
		}
		for (int i = 0; i < sentences.length; i++) {
			var words = words(sentences[i]);
			if (words > MAX_WORDS_PER_SENTENCE) {
				return Checked.invalid(
						"sentence %d has %d words, at most %d allowed".formatted(i + 1, words, MAX_WORDS_PER_SENTENCE));
			}
		}
		return Checked.valid(line);
	}

	private static long words(String sentence) {
		return Arrays.stream(sentence.strip().split("\\s+")).filter(token -> WORD.matcher(token).matches()).count();
	}

	private static String withoutSurroundingQuotes(String text) {
		for (var pair : QUOTE_PAIRS) {
			if (text.length() >= 2 && text.startsWith(pair[0]) && text.endsWith(pair[1])) {
				return text.substring(pair[0].length(), text.length() - pair[1].length()).strip();
			}
		}
		return text;
	}

}
