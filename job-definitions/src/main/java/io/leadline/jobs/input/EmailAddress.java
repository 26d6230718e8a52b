package io.leadline.jobs.input;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A pragmatic syntactic check: it catches what lists really contain (blanks, "n/a",
 * missing domains, pasted "mailto:" links, names with spaces) without trying to accept
 * every address RFC 5321 allows. Rows that fail are marked invalid and never cost a
 * provider call.
 */
public final class EmailAddress {

	private static final int MAX_LENGTH = 254;

	private static final int MAX_LOCAL_LENGTH = 64;

	private static final Pattern LOCAL = Pattern.compile("[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~.-]+");

	private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");

	private static final Pattern TOP_LEVEL = Pattern.compile("\\p{L}{2,63}|xn--[a-z0-9-]{1,59}");

	private EmailAddress() {
	}

	/**
	 * The address trimmed, unwrapped and with a lower-case domain, or empty when it is
	 * not one.
	 */
	public static Optional<String> clean(String raw) {
		if (raw == null) {
			return Optional.empty();
		}
		String email = unwrap(raw.strip());
		int at = email.lastIndexOf('@');
		if (at < 1 || email.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		String local = email.substring(0, at);
		String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
		if (!isLocalPart(local) || !isDomain(domain)) {
			return Optional.empty();
		}
		return Optional.of(local + "@" + domain);
	}

	/** The part before the last "@". */
	public static String user(String email) {
		return email.substring(0, atOf(email));
	}

	/** The part after the last "@", lower case. */
	public static String domain(String email) {
		return email.substring(atOf(email) + 1).toLowerCase(Locale.ROOT);
	}

	private static int atOf(String email) {
		int at = email.lastIndexOf('@');
		if (at < 0) {
			throw new IllegalArgumentException("not an email address: " + email);
		}
		return at;
	}

	private static String unwrap(String email) {
		String unwrapped = email;
		boolean changed = true;
		while (changed) {
			String before = unwrapped;
			if (unwrapped.regionMatches(true, 0, "mailto:", 0, 7)) {
				unwrapped = unwrapped.substring(7);
			}
			unwrapped = stripPair(unwrapped, '<', '>');
			unwrapped = stripPair(unwrapped, '"', '"');
			unwrapped = stripPair(unwrapped, '\'', '\'');
			unwrapped = unwrapped.strip();
			changed = !unwrapped.equals(before);
		}
		return unwrapped;
	}

	private static String stripPair(String s, char open, char close) {
		if (s.length() >= 2 && s.charAt(0) == open && s.charAt(s.length() - 1) == close) {
			return s.substring(1, s.length() - 1);
		}
		return s;
	}

	private static boolean isLocalPart(String local) {
		return local.length() <= MAX_LOCAL_LENGTH && LOCAL.matcher(local).matches() && !local.startsWith(".")
				&& !local.endsWith(".") && !local.contains("..");
	}

	private static boolean isDomain(String domain) {
		String[] labels = domain.split("\\.", -1);
		if (labels.length < 2) {
			return false;
		}
		for (String label : labels) {
			if (!LABEL.matcher(label).matches()) {
				return false;
			}
		}
		return TOP_LEVEL.matcher(labels[labels.length - 1]).matches();
	}

}
