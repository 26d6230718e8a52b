package io.leadline.jobs.input;

/**
 * Guard rails against files that would exhaust memory or time: an upload is untrusted,
 * and one absurd file must not take down a JVM that runs other jobs.
 *
 * @param maxRows data records allowed (header excluded)
 * @param maxColumns cells allowed in the header and in any record
 * @param maxCellChars characters allowed in one cell
 * @param maxXlsxUncompressedBytes bytes an XLSX may inflate to, in total and per zip
 * entry
 * @param maxXlsxStylesBytes bytes the styles part, and every other part that is neither a
 * sheet nor the shared strings, may inflate to: POI parses styles into a tree in memory
 * @param maxXlsxSharedStringsBytes bytes the shared-strings part may inflate to: every
 * shared string is kept in memory while a sheet is read (compactly, at most about the
 * part's size)
 */
public record InputLimits(long maxRows, int maxColumns, int maxCellChars, long maxXlsxUncompressedBytes,
		long maxXlsxStylesBytes, long maxXlsxSharedStringsBytes) {

	/** Real styles parts are kilobytes; a theme or workbook part a few hundred. */
	public static final long DEFAULT_STYLES_BYTES = 8L * 1024 * 1024;

	/** About two million distinct short texts; a larger list goes as CSV. */
	public static final long DEFAULT_SHARED_STRINGS_BYTES = 64L * 1024 * 1024;

	public InputLimits {
		requirePositive("maxRows", maxRows);
		requirePositive("maxColumns", maxColumns);
		requirePositive("maxCellChars", maxCellChars);
		requirePositive("maxXlsxUncompressedBytes", maxXlsxUncompressedBytes);
		requirePositive("maxXlsxStylesBytes", maxXlsxStylesBytes);
		requirePositive("maxXlsxSharedStringsBytes", maxXlsxSharedStringsBytes);
	}

	/** With the default part limits, each at most the total. */
	public InputLimits(long maxRows, int maxColumns, int maxCellChars, long maxXlsxUncompressedBytes) {
		this(maxRows, maxColumns, maxCellChars, maxXlsxUncompressedBytes,
				Math.min(DEFAULT_STYLES_BYTES, maxXlsxUncompressedBytes),
				Math.min(DEFAULT_SHARED_STRINGS_BYTES, maxXlsxUncompressedBytes));
	}

	/**
	 * 5,000,000 rows, 500 columns, 1,000,000 characters per cell, 4 GB inflated XLSX, 8
	 * MB of styles, 64 MB of shared strings.
	 */
	public static InputLimits defaults() {
		return new InputLimits(5_000_000, 500, 1_000_000, 4_000_000_000L);
	}

	private static void requirePositive(String name, long value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
	}
}
