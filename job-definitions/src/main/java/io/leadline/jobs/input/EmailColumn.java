package io.leadline.jobs.input;

import java.util.List;
import java.util.OptionalInt;

/**
 * Finds the column that holds the email, so most uploads need no configuration. Header
 * names are trusted first; only when no header looks like one do sample values decide,
 * because a column of "ann@x.io" under "Contact" is still the email column.
 */
public final class EmailColumn {

	/** Normalized keys, most telling first. */
	private static final List<String> KNOWN_KEYS = List.of("email", "e_mail", "email_address", "e_mail_address",
			"emailaddress", "work_email", "business_email", "primary_email", "contact_email", "email_1",
			"personal_email", "mail", "mail_address", "courriel", "correo", "correo_electronico");

	// why: more than half, so a notes column that mentions an address now and then does
	// not win
	private static final double MIN_EMAIL_SHARE = 0.5;

	private EmailColumn() {
	}

	public static OptionalInt guess(Headers headers) {
		for (String known : KNOWN_KEYS) {
			int index = headers.keys().indexOf(known);
			if (index >= 0) {
				return OptionalInt.of(index);
			}
		}
		for (int i = 0; i < headers.size(); i++) {
			String key = headers.keys().get(i);
			if (key.contains("email") || key.contains("e_mail")) {
				return OptionalInt.of(i);
			}
		}
		return OptionalInt.empty();
	}

	/**
	 * By header first, else the column whose non-blank sample values are mostly emails.
	 */
	public static OptionalInt guess(Headers headers, List<List<String>> sampleRows) {
		OptionalInt byName = guess(headers);
		if (byName.isPresent()) {
			return byName;
		}
		int width = sampleRows.stream().mapToInt(List::size).max().orElse(0);
		int best = -1;
		double bestShare = MIN_EMAIL_SHARE;
		for (int column = 0; column < width; column++) {
			double share = emailShare(sampleRows, column);
			if (share > bestShare) {
				best = column;
				bestShare = share;
			}
		}
		return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
	}

	/**
	 * The requested column (header or key), or the guess when none is requested.
	 * @throws UnsupportedInputException naming the columns when it cannot be found
	 */
	public static int resolve(Headers headers, String requested) {
		if (requested == null || requested.isBlank()) {
			return guess(headers).orElseThrow(() -> new UnsupportedInputException(
					"no email column found; columns are: " + headers.describe() + "; pass --email-column"));
		}
		return headers.indexOf(requested)
			.orElseThrow(() -> new UnsupportedInputException(
					"no column named '" + requested.strip() + "'; columns are: " + headers.describe()));
	}

	private static double emailShare(List<List<String>> rows, int column) {
		int filled = 0;
		int emails = 0;
		for (List<String> row : rows) {
			String value = column < row.size() ? row.get(column) : "";
			if (value == null || value.isBlank()) {
				continue;
			}
			filled++;
			if (EmailAddress.clean(value).isPresent()) {
				emails++;
			}
		}
		return filled == 0 ? 0 : (double) emails / filled;
	}

}
