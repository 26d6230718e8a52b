package io.leadline.jobs.input;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a header as written into a stable key ("E-Mail Address" to "email_address"), so
 * the job, the email guess and the output columns can refer to a column however the user
 * spelled it.
 */
final class HeaderNormalizer {

	// why: "E-Mail", "e-mail": a one-letter prefix is part of the word, not a separator
	private static final Pattern ONE_LETTER_PREFIX = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})-(?=\\p{L})");

	private static final Pattern CAMEL_HUMP = Pattern.compile("(\\p{Ll})(\\p{Lu})");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

	private HeaderNormalizer() {
	}

	/**
	 * Lower-case letters and digits joined by single underscores, accents removed; ""
	 * when the header has no letter or digit (callers then name the column by position).
	 */
	public static String normalize(String header) {
		if (header == null) {
			return "";
		}
		String key = header.replace("\uFEFF", "").strip();
		key = ONE_LETTER_PREFIX.matcher(key).replaceAll("$1");
		key = CAMEL_HUMP.matcher(key).replaceAll("$1_$2");
		key = MARKS.matcher(Normalizer.normalize(key, Normalizer.Form.NFKD)).replaceAll("");
		key = SEPARATORS.matcher(key.toLowerCase(Locale.ROOT)).replaceAll("_");
		return trimUnderscores(key);
	}

	private static String trimUnderscores(String key) {
		int start = 0;
		int end = key.length();
		while (start < end && key.charAt(start) == '_') {
			start++;
		}
		while (end > start && key.charAt(end - 1) == '_') {
			end--;
		}
		return key.substring(start, end);
	}

}
