package io.leadline.jobs.input;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * Stops commons-csv from buffering an endless record. A quote left open swallows the rest
 * of the file into one cell, in memory, before any per-cell check could run; this reader
 * fails once the characters read since the last complete record pass a bound.
 */
final class RecordLengthGuard extends FilterReader {

	private final long maxChars;

	private long read;

	private long recordStart;

	RecordLengthGuard(Reader in, long maxChars) {
		super(in);
		this.maxChars = maxChars;
	}

	/** Called after each complete record. */
	void recordEnded() {
		recordStart = read;
	}

	@Override
	public int read() throws IOException {
		int c = super.read();
		if (c != -1) {
			count(1);
		}
		return c;
	}

	@Override
	public int read(char[] buffer, int offset, int length) throws IOException {
		int n = super.read(buffer, offset, length);
		if (n > 0) {
			count(n);
		}
		return n;
	}

	private void count(int chars) {
		read += chars;
		if (read - recordStart > maxChars) {
			throw new RecordTooLongException();
		}
	}

	static final class RecordTooLongException extends RuntimeException {

		RecordTooLongException() {
			super(null, null, false, false);
		}

	}

}
