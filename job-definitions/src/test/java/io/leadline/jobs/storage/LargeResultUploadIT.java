package io.leadline.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * A 200 MB result goes to S3-compatible storage in multipart with a bounded heap. The
 * store runs in a JVM of its own ({@link LargeResultUpload}) whose heap could not hold a
 * third of the object, so buffering it anywhere fails this test with OutOfMemoryError;
 * S3Proxy stays in this JVM, as S3 is not the app's memory.
 */
class LargeResultUploadIT {

	static final String BUCKET = "leadline";

	static final String KEY = "outputs/acme/42/result.csv";

	static final long SIZE = 200L * 1024 * 1024;

	/**
	 * The store keeps about 25 MB alive (the S3 client and one 8 MiB part); this leaves
	 * room for garbage under any collector, not for a third of the object.
	 */
	static final String MAX_HEAP = "-Xmx64m";

	@Test
	void uploadsA200MbResultInPartsWithABoundedHeap(@TempDir Path blobs, @TempDir Path work) throws Exception {
		try (S3ProxyServer s3 = new S3ProxyServer(blobs, BUCKET)) {
			Properties seen = runStore(work, s3.endpoint().toString(), BUCKET, KEY, Long.toString(SIZE));

			long bytes = Long.parseLong(seen.getProperty("written.bytes"));
			assertThat(bytes).isGreaterThanOrEqualTo(SIZE);
			assertThat(seen.getProperty("read.bytes")).isEqualTo(Long.toString(bytes));
			assertThat(seen.getProperty("read.sha256")).isEqualTo(seen.getProperty("written.sha256"));
			long livePeak = Long.parseLong(seen.getProperty("heap.livePeak"));
			System.out.printf("store's JVM: max heap %s, live heap peak %d bytes%n", seen.getProperty("heap.max"),
					livePeak);
			assertThat(livePeak).as("live heap peak of the store's JVM").isPositive().isLessThan(SIZE / 4);
			try (S3Client client = s3.settings(BUCKET).client()) {
				ObjectInfo stored = new S3ObjectStore(client, BUCKET).stat(KEY).orElseThrow();
				assertThat(stored.size()).isEqualTo(bytes);
				long parts = (bytes + S3ObjectStore.PART_SIZE - 1) / S3ObjectStore.PART_SIZE;
				// why: S3 tags a multipart object "<md5 of the part md5s>-<parts>", a
				// single PUT with a plain md5
				assertThat(stored.etag()).as("a multipart ETag names its parts")
					.matches("\"?[0-9a-f]{32}-" + parts + "\"?");
			}
		}
	}

	/**
	 * Runs {@link LargeResultUpload} in a small-heap JVM and returns what it recorded.
	 */
	private static Properties runStore(Path work, String... args) throws IOException, InterruptedException {
		Path record = work.resolve("seen.properties");
		Path log = work.resolve("store.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// why: exit at once on OutOfMemoryError; a thread other than main dying of it
		// could leave the JVM hanging
		List<String> command = new ArrayList<>(List.of(java, MAX_HEAP, "-XX:+ExitOnOutOfMemoryError", "-cp",
				System.getProperty("java.class.path"), LargeResultUpload.class.getName()));
		command.addAll(List.of(args));
		command.add(record.toString());
		Process store = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (!store.waitFor(120, TimeUnit.SECONDS)) {
			store.destroyForcibly();
			throw new AssertionError("the store's JVM did not finish in 120s:\n" + Files.readString(log));
		}
		assertThat(store.exitValue()).as("exit code of the store's JVM; its output:\n%s", Files.readString(log))
			.isZero();
		Properties seen = new Properties();
		try (Reader in = Files.newBufferedReader(record)) {
			seen.load(in);
		}
		return seen;
	}

}
