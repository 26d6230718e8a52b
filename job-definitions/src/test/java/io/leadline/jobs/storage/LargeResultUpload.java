package io.leadline.jobs.storage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The store's side of {@link LargeResultUploadIT}, run in a JVM whose heap is far smaller
 * than the object: writes a large CSV result through {@link S3ObjectStore} as the merge
 * step does, reads it back, and records what it saw. Holding the object in memory
 * anywhere ends in OutOfMemoryError.
 *
 * <p>
 * Arguments: S3 endpoint, bucket, key, minimum size in bytes, file to record into.
 */
final class LargeResultUpload {

	private LargeResultUpload() {
	}

	public static void main(String[] args) throws Exception {
		String bucket = args[1];
		String key = args[2];
		long size = Long.parseLong(args[3]);
		ObjectStore store = new S3ObjectStore(S3ProxyServer.settings(URI.create(args[0]), bucket).client(), bucket);
		LiveHeapPeak heap = LiveHeapPeak.watch();

		MessageDigest written = sha256();
		long[] writtenBytes = new long[1];
		store.write(key, out -> writtenBytes[0] = writeRows(new DigestOutputStream(out, written), size));
		MessageDigest read = sha256();
		long readBytes;
		try (InputStream in = new DigestInputStream(store.open(key), read)) {
			readBytes = in.transferTo(OutputStream.nullOutputStream());
		}

		Properties seen = new Properties();
		seen.setProperty("written.bytes", Long.toString(writtenBytes[0]));
		seen.setProperty("written.sha256", HexFormat.of().formatHex(written.digest()));
		seen.setProperty("read.bytes", Long.toString(readBytes));
		seen.setProperty("read.sha256", HexFormat.of().formatHex(read.digest()));
		seen.setProperty("heap.livePeak", Long.toString(heap.bytes()));
		seen.setProperty("heap.max", Long.toString(Runtime.getRuntime().maxMemory()));
		try (Writer record = Files.newBufferedWriter(Path.of(args[4]))) {
			seen.store(record, null);
		}
	}

	/**
	 * Numbered rows shaped like an enriched result until at least {@code size} bytes;
	 * returns how many bytes that made. No two rows are alike, so a part lost, repeated
	 * or out of order shows in the digest.
	 */
	static long writeRows(OutputStream out, long size) throws IOException {
		Writer rows = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.US_ASCII), 1 << 16);
		StringBuilder row = new StringBuilder(128);
		long bytes = 0;
		for (long n = 1; bytes < size; n++) {
			row.setLength(0);
			row.append(n)
				.append(",Lead ")
				.append(n)
				.append(",lead.")
				.append(n)
				.append("@example.com,Company ")
				.append(n % 7919)
				.append(",\"Saw your post on ")
				.append(n % 365)
				.append(", keen to talk\"\n");
			rows.append(row);
			bytes += row.length();
		}
		// why: flush, not close; ObjectStore.write publishes the object when this returns
		rows.flush();
		return bytes;
	}

	private static MessageDigest sha256() throws NoSuchAlgorithmException {
		return MessageDigest.getInstance("SHA-256");
	}

}
