package io.leadline.jobs.input;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;

/**
 * Recovers the raw text of a record commons-csv gave up on. The parser cannot tell where
 * the bad record started, but it does count the line breaks it consumed up to the last
 * good record, so reopening the file and skipping that many breaks lands on the bad
 * record's first character.
 */
final class RawTail {

	static final int MAX_CHARS = 2_000;

	private RawTail() {
	}

	static String after(Path file, SniffedFormat format, long lineBreaks) throws IOException {
		try (Reader text = TextSource.open(file, format)) {
			int c = skipLineBreaks(text, lineBreaks);
			while (c == '\r' || c == '\n') {
				c = text.read();
			}
			StringBuilder raw = new StringBuilder();
			while (c != -1 && raw.length() < MAX_CHARS) {
				raw.append((char) c);
				c = text.read();
			}
			return raw.toString();
		}
	}

	/**
	 * Counts breaks as the parser does: CR, or LF not right after CR. Returns the next
	 * char.
	 */
	private static int skipLineBreaks(Reader text, long lineBreaks) throws IOException {
		long seen = 0;
		int previous = -1;
		int c = text.read();
		while (c != -1 && seen < lineBreaks) {
			if (c == '\r' || c == '\n' && previous != '\r') {
				seen++;
			}
			previous = c;
			c = text.read();
		}
		return c;
	}

}
