package io.leadline.jobs.enrichment;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * The work area's file format: records of length-prefixed UTF-8 strings. Work files never
 * leave the engine, so they skip CSV's quoting and lexing, which made up half of a
 * no-provider job's time; any cell (newlines, quotes, 40,000 characters) round-trips as
 * it is.
 */
final class WorkFile {

	private static final int BUFFER = 1 << 16;

	private WorkFile() {
	}

	/** Appends records to a stream; closing it closes the stream. */
	static final class Writer<T> implements Closeable {

		private final DataOutputStream out;

		private final Function<T, List<String>> fields;

		Writer(OutputStream out, Function<T, List<String>> fields) {
			this.out = new DataOutputStream(new BufferedOutputStream(out, BUFFER));
			this.fields = fields;
		}

		void write(T item) throws IOException {
			List<String> values = fields.apply(item);
			out.writeInt(values.size());
			for (String value : values) {
				byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
				out.writeInt(bytes.length);
				out.write(bytes);
			}
		}

		/** Pushes buffered records to the stream without closing it. */
		void flush() throws IOException {
			out.flush();
		}

		@Override
		public void close() throws IOException {
			out.close();
		}

	}

	/** Reads records back in the order they were written. */
	static final class Reader<T> implements Iterator<T>, Closeable {

		private final DataInputStream in;

		private final Function<List<String>, T> parse;

		private T next;

		Reader(InputStream in, Function<List<String>, T> parse) {
			this.in = new DataInputStream(new BufferedInputStream(in, BUFFER));
			this.parse = parse;
		}

		@Override
		public boolean hasNext() {
			if (next == null) {
				next = readRecord();
			}
			return next != null;
		}

		@Override
		public T next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			T record = next;
			next = null;
			return record;
		}

		private T readRecord() {
			try {
				int count;
				try {
					count = in.readInt();
				}
				catch (EOFException end) {
					return null;
				}
				List<String> values = new ArrayList<>(count);
				for (int i = 0; i < count; i++) {
					byte[] bytes = new byte[in.readInt()];
					in.readFully(bytes);
					values.add(new String(bytes, StandardCharsets.UTF_8));
				}
				return parse.apply(values);
			}
			catch (IOException e) {
				throw new UncheckedIOException("work file is truncated or corrupt", e);
			}
		}

		@Override
		public void close() throws IOException {
			in.close();
		}

	}

}
