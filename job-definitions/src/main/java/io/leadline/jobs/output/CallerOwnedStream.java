package io.leadline.jobs.output;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Shields the caller's stream from libraries that close what they are given
 * (commons-csv's printer, POI's zip writer): closing this only flushes.
 */
final class CallerOwnedStream extends FilterOutputStream {

	CallerOwnedStream(OutputStream out) {
		super(out);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		// why: FilterOutputStream writes byte by byte by default
		out.write(bytes, offset, length);
	}

	@Override
	public void close() throws IOException {
		out.flush();
	}

}
