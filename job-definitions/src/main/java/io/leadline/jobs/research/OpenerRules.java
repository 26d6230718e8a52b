package io.leadline.jobs.research;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opener's house rules: plain text, one or two sentences, each at most 25 words.
 * Surrounding quotes are forgiven and stripped; markdown and bullets are not, because
 * they would show up verbatim in an email. A URL, e-mail address or phone number is
 * allowed only when the model was given it: a planted search result must not put a
 * phishing link into a customer's email.
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

	private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");

	// why: any host name, not a list of known TLDs: a phishing domain can end in anything
	private static final Pattern URL = Pattern
		.compile("(?i)(?<![\\w@.-])(?:[a-z][a-z0-9+.-]*://)?(?:[\\w-]+\\.)+[a-z]{2,}(?::\\d+)?(?:/[^\\s\"'<>]*)?");

	private static final Pattern PHONE = Pattern.compile("\\+?\\d[\\d ()./-]{6,}\\d");

	private static final Pattern YEARS = Pattern.compile("\\d{4}\\s*[-/]\\s*\\d{4}");

	private static final int PHONE_DIGITS = 8;

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

	/**
	 * The house rules, and no URL, e-mail address or phone number that {@code input}
	 * (what the model was given: the research and the seller's own service) lacks.
	 */
	static Checked<String> check(String answer, String input) {
		var shape = check(answer);
		if (!shape.isValid()) {
			return shape;
		}
		return foreignContact(shape.value(), input == null ? "" : input)
			.map(contact -> Checked
				.<String>invalid(contact + " that is not in the research; leave links and contact details out"))
			.orElse(shape);
	}

	/** The first contact detail of {@code opener} that {@code input} does not contain. */
	private static Optional<String> foreignContact(String opener, String input) {
		var known = input.toLowerCase(Locale.ROOT);
		var emails = EMAIL.matcher(opener);
		while (emails.find()) {
			if (!known.contains(emails.group().toLowerCase(Locale.ROOT))) {
				return Optional.of("an e-mail address (" + emails.group() + ")");
			}
		}
		var urls = URL.matcher(EMAIL.matcher(opener).replaceAll(" "));
		while (urls.find()) {
			if (!known.contains(host(urls))) {
				return Optional.of("a URL (" + OneLine.excerpt(urls.group(), 80) + ")");
			}
		}
		var knownDigits = digits(input);
		var phones = PHONE.matcher(opener);
		while (phones.find()) {
			var digits = digits(phones.group());
			if (digits.length() >= PHONE_DIGITS && !YEARS.matcher(phones.group()).matches()
					&& !knownDigits.contains(digits)) {
				return Optional.of("a phone number (" + phones.group() + ")");
			}
		}
		return Optional.empty();
	}

	/** The link as the research would spell it: no scheme, no www., no trailing dot. */
	private static String host(Matcher url) {
		return url.group()
			.toLowerCase(Locale.ROOT)
			.replaceFirst("^[a-z][a-z0-9+.-]*://", "")
			.replaceFirst("^www\\.", "")
			.replaceAll("[.,;:!?/]+$", "");
	}

	private static String digits(String text) {
		return text.replaceAll("\\D", "");
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
