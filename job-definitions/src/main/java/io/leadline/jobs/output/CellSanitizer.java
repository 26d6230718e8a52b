package io.leadline.jobs.output;

/**
 * Makes a cell safe to open in a spreadsheet. Both formats cap a cell at Excel's
 * 32,767-character limit; CSV also neutralizes formula injection; XLSX also drops
 * characters XML 1.0 forbids. {@code null} becomes {@code ""}.
 */
final class CellSanitizer {

	/** Excel's limit on the characters (UTF-16 units) of one cell. */
	public static final int MAX_CELL_LENGTH = 32_767;

	private static final String FORMULA_TRIGGERS = "=+-@\t\r";

	private static final String AFTER_SEPARATOR_TRIGGERS = "=+-@";

	private CellSanitizer() {
	}

	/**
	 * For CSV: a cell starting with {@code = + - @}, TAB or CR gets a leading apostrophe,
	 * as OWASP's CSV injection guidance says, so a spreadsheet shows it as text instead
	 * of evaluating it. This includes negative numbers: {@code -5} becomes {@code '-5}. A
	 * CSV has no types, so a number cannot be told from {@code -2+3+cmd|' /C calc'!A0};
	 * prefixing every such cell is the only rule that is both safe and predictable. Not
	 * capped: CSV has no cell limit and is the lossless format, so a long cell comes back
	 * whole (only XLSX, bound by Excel's limit, truncates).
	 */
	public static String forCsv(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		String safe = startsLikeFormula(cell) ? "'" + cell : cell;
		return hasFormulaAfterSeparator(safe) ? neutralizedAfterSeparators(safe) : safe;
	}

	/**
	 * A reader that splits on ';' (many European locales), ',' or TAB would start a cell
	 * right after one; a formula start there gets the apostrophe too.
	 */
	private static boolean hasFormulaAfterSeparator(String cell) {
		for (int i = 1; i < cell.length(); i++) {
			if (isSeparator(cell.charAt(i - 1)) && AFTER_SEPARATOR_TRIGGERS.indexOf(cell.charAt(i)) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static String neutralizedAfterSeparators(String cell) {
		StringBuilder safe = new StringBuilder(cell.length() + 8);
		for (int i = 0; i < cell.length(); i++) {
			if (i > 0 && isSeparator(cell.charAt(i - 1)) && AFTER_SEPARATOR_TRIGGERS.indexOf(cell.charAt(i)) >= 0) {
				safe.append('\'');
			}
			safe.append(cell.charAt(i));
		}
		return safe.toString();
	}

	private static boolean isSeparator(char c) {
		return c == ';' || c == ',' || c == '\t';
	}

	/**
	 * For XLSX: removes characters XML 1.0 forbids (control characters other than TAB, LF
	 * and CR, unpaired surrogates, U+FFFE and U+FFFF), which would make the file
	 * unreadable, then {@link #capped caps} the length. No apostrophe: the XLSX sink
	 * writes every cell as a string, which a spreadsheet never evaluates.
	 */
	public static String forXlsx(String cell) {
		if (cell == null || cell.isEmpty()) {
			return "";
		}
		return capped(withoutXmlIllegalCharacters(cell));
	}

	/**
	 * Caps a cell at {@value #MAX_CELL_LENGTH} characters. A longer cell keeps its start
	 * and ends with the visible marker {@code …[truncated N chars]}, N being the
	 * characters removed, so the result, marker included, stays within the limit and a
	 * reader sees that text is missing.
	 */
	public static String capped(String cell) {
		if (cell == null) {
			return "";
		}
		if (cell.length() <= MAX_CELL_LENGTH) {
			return cell;
		}
		// why: the marker's own length depends on N; sizing it for N = the whole length
		// is an upper bound
		int kept = MAX_CELL_LENGTH - marker(cell.length()).length();
		if (Character.isHighSurrogate(cell.charAt(kept - 1))) {
			kept--; // why: never split an emoji into an unpaired surrogate
		}
		return cell.substring(0, kept) + marker(cell.length() - kept);
	}

	private static boolean startsLikeFormula(String cell) {
		return FORMULA_TRIGGERS.indexOf(cell.charAt(0)) >= 0;
	}

	private static String marker(int removed) {
		return "…[truncated " + removed + " chars]";
	}

	private static String withoutXmlIllegalCharacters(String cell) {
		if (cell.codePoints().allMatch(CellSanitizer::isXmlLegal)) {
			return cell;
		}
		StringBuilder legal = new StringBuilder(cell.length());
		cell.codePoints().filter(CellSanitizer::isXmlLegal).forEach(legal::appendCodePoint);
		return legal.toString();
	}

	private static boolean isXmlLegal(int codePoint) {
		return codePoint == '\t' || codePoint == '\n' || codePoint == '\r' || (codePoint >= 0x20 && codePoint <= 0xD7FF)
				|| (codePoint >= 0xE000 && codePoint <= 0xFFFD) || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
	}

}
