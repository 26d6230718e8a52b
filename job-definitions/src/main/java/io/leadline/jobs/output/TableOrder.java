package io.leadline.jobs.output;

/** Guards the one order a sink accepts: header, rows, close. */
final class TableOrder {

	private boolean headerWritten;

	private boolean closed;

	private long rows;

	void beforeHeader() {
		requireOpen();
		if (headerWritten) {
			throw new IllegalStateException("header already written");
		}
		headerWritten = true;
	}

	/** Returns the number of data rows written before this one. */
	long beforeRow() {
		requireOpen();
		if (!headerWritten) {
			throw new IllegalStateException("row " + (rows + 1) + " written before the header");
		}
		return rows++;
	}

	/** Returns whether this call closed the sink, false when it was already closed. */
	boolean close() {
		boolean wasOpen = !closed;
		closed = true;
		return wasOpen;
	}

	private void requireOpen() {
		if (closed) {
			throw new IllegalStateException("sink is closed");
		}
	}

}
