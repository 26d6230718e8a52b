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
 */
public record InputLimits(long maxRows, int maxColumns, int maxCellChars, long maxXlsxUncompressedBytes) {

	public InputLimits {
		requirePositive("maxRows", maxRows);
		requirePositive("maxColumns", maxColumns);
		requirePositive("maxCellChars", maxCellChars);
		requirePositive("maxXlsxUncompressedBytes", maxXlsxUncompressedBytes);
	}

	/** 5,000,000 rows, 500 columns, 1,000,000 characters per cell, 4 GB inflated XLSX. */
	public static InputLimits defaults() {
		return new InputLimits(5_000_000, 500, 1_000_000, 4_000_000_000L);
	}

	private static void requirePositive(String name, long value) {
		if (value < 1) {
			throw new IllegalArgumentException(name + " must be at least 1, was " + value);
		}
	}
}
