package io.leadline.jobs.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes bound for a {@link LocalObjectStore} key, held in a temp file until published.
 */
final class LocalObjectOutput extends ObjectOutput {

	/** Moves the finished temp file under its key. */
	@FunctionalInterface
	interface Publisher {

		void publish(Path written, Path target) throws IOException;

	}

	private final Path temp;

	private final Publisher publisher;

	private final Path target;

	private final FileChannel channel;

	private final OutputStream out;

	private boolean finished;

	LocalObjectOutput(Path temp, Publisher publisher, Path target) throws IOException {
		this.temp = temp;
		this.publisher = publisher;
		this.target = target;
		this.channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
		this.out = new BufferedOutputStream(Channels.newOutputStream(channel), 64 * 1024);
	}

	@Override
	public void write(int b) throws IOException {
		requireOpen();
		out.write(b);
	}

	@Override
	public void write(byte[] bytes, int offset, int length) throws IOException {
		requireOpen();
		out.write(bytes, offset, length);
	}

	@Override
	public void flush() throws IOException {
		requireOpen();
		out.flush();
	}

	/**
	 * Publishes the object. If publishing fails, nothing is published and the temp file
	 * is gone.
	 */
	@Override
	public void close() throws IOException {
		if (finished) {
			return;
		}
		finished = true;
		try {
			out.flush();
			// why: the data must be on disk before the rename makes it visible, or a
			// crash can publish
			// an empty or torn file under the final key
			channel.force(true);
			channel.close();
			publisher.publish(temp, target);
		}
		catch (IOException | RuntimeException | Error e) {
			discard();
			throw e;
		}
	}

	@Override
	public void abort() {
		if (finished) {
			return;
		}
		finished = true;
		discard();
	}

	private void discard() {
		try {
			channel.close();
		}
		catch (IOException ignored) {
			// why: the bytes are being thrown away; a failed close changes nothing
		}
		try {
			Files.deleteIfExists(temp);
		}
		catch (IOException ignored) {
			// why: an undeletable temp file stays in .tmp, invisible to readers
		}
	}

	private void requireOpen() throws IOException {
		if (finished) {
			throw new IOException("output for " + target + " is already closed or aborted");
		}
	}

}
