package io.leadline.jobs.storage;

import java.io.OutputStream;

/**
 * The bytes of an object being written. {@link #close()} publishes them under the key
 * atomically; {@link #abort()} discards them so nothing appears under the key. Whichever
 * comes first wins: close after abort, abort after close and a second close do nothing.
 */
public abstract class ObjectOutput extends OutputStream {

	/** Discards what was written without publishing it. Never throws. */
	public abstract void abort();

}
