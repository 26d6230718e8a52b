package io.leadline.jobs.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where inputs, work files and results live: local disk or S3-compatible storage. Keys
 * are '/'-separated and built from ids by the caller
 * ({@code outputs/acme/42/result.xlsx}); every method rejects unsafe keys with
 * {@link IllegalArgumentException}, see {@link ObjectKeys}.
 *
 * <p>
 * Writes are atomic: an object is either absent or complete under its key, even if the
 * JVM dies mid-write. Readers never see a half-written object.
 */
public interface ObjectStore {

	/**
	 * Opens a stream whose bytes become the object under {@code key} only when it is
	 * closed successfully; until then they sit in a temporary place. On failure call
	 * {@link ObjectOutput#abort()}, after which close does nothing, or use {@link #write}
	 * which does that for you:
	 *
	 * <pre>{@code
	 * try (ObjectOutput out = store.create(key)) {
	 *   try {
	 *     writeAll(out);
	 *   } catch (IOException | RuntimeException e) {
	 *     out.abort();
	 *     throw e;
	 *   }
	 * }
	 * }</pre>
	 *
	 * An existing object under {@code key} is replaced when the new one is published.
	 */
	/** Where a person finds the object: a file path for the local store, a URI for S3. */
	default String location(String key) {
		return ObjectKeys.requireSafe(key);
	}

	ObjectOutput create(String key) throws IOException;

	/**
	 * Writes the object under {@code key} with {@code body}, publishing it if
	 * {@code body} returns and discarding it if {@code body} throws. {@code body} must
	 * not close the stream.
	 */
	default void write(String key, Body body) throws IOException {
		try (ObjectOutput out = create(key)) {
			try {
				body.writeTo(out);
			}
			catch (IOException | RuntimeException | Error e) {
				out.abort();
				throw e;
			}
		}
	}

	/**
	 * Stores a copy of {@code file} under {@code key}, atomically like {@link #create}.
	 */
	default void put(String key, Path file) throws IOException {
		write(key, out -> Files.copy(file, out));
	}

	/**
	 * Opens the object under {@code key} for reading. The caller closes the stream.
	 * @throws NoSuchObjectException when there is no object under {@code key}
	 */
	InputStream open(String key) throws IOException;

	/**
	 * Downloads the object under {@code key} to {@code target}, creating its parent
	 * directories and replacing an existing file. Atomic at the target: the bytes go to a
	 * temporary file next to it, which is then renamed, so {@code target} is never seen
	 * half-written.
	 * @throws NoSuchObjectException when there is no object under {@code key}
	 */
	default void copyTo(String key, Path target) throws IOException {
		try (InputStream in = open(key)) {
			AtomicFileWrite.replace(target, in);
		}
	}

	/** Describes the object under {@code key}, or empty when there is none. */
	Optional<ObjectInfo> stat(String key) throws IOException;

	/**
	 * Every object whose key starts with {@code prefix}, however deep, sorted by key. The
	 * prefix is plain text, not a directory: {@code "work/42/part-"} matches
	 * {@code work/42/part-0001/a.csv}. An empty prefix lists the whole store.
	 */
	List<ObjectInfo> list(String prefix) throws IOException;

	/** Deletes the object under {@code key}; does nothing when there is none. */
	void delete(String key) throws IOException;

	/**
	 * Deletes every object whose key starts with {@code prefix}; does nothing when there
	 * is none.
	 * @throws IllegalArgumentException for an empty prefix, which would empty the whole
	 * store
	 */
	void deletePrefix(String prefix) throws IOException;

	/** Writes an object's bytes; see {@link ObjectStore#write}. */
	@FunctionalInterface
	interface Body {

		void writeTo(OutputStream out) throws IOException;

	}

}
