package io.leadline.jobs.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The S3 store against S3Proxy: the same contract as the local store, and streamed
 * multipart uploads.
 */
class S3ObjectStoreIT {

	static final String BUCKET = "leadline";

	@TempDir
	static Path blobs;

	static S3ProxyServer s3;

	static S3ObjectStore store;

	@BeforeAll
	static void startS3() throws Exception {
		s3 = new S3ProxyServer(blobs, BUCKET);
		store = new S3ObjectStore(s3.settings(BUCKET).client(), BUCKET, 5 * 1024 * 1024);
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
	}

	@Test
	void storesListsAndDeletesObjectsByKey() throws IOException {
		store.write("work/a/part-0000/000000001.csv", out -> out.write("one".getBytes(StandardCharsets.UTF_8)));
		store.write("work/a/part-0001/000000006.csv", out -> out.write("two".getBytes(StandardCharsets.UTF_8)));
		store.write("work/b/other.csv", out -> out.write("x".getBytes(StandardCharsets.UTF_8)));

		assertThat(store.list("work/a/")).extracting(ObjectInfo::key)
			.containsExactly("work/a/part-0000/000000001.csv", "work/a/part-0001/000000006.csv");
		assertThat(store.stat("work/a/part-0000/000000001.csv")).get().extracting(ObjectInfo::size).isEqualTo(3L);
		try (InputStream in = store.open("work/a/part-0001/000000006.csv")) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("two");
		}

		store.deletePrefix("work/a/");

		assertThat(store.list("work/")).extracting(ObjectInfo::key).containsExactly("work/b/other.csv");
		assertThat(store.stat("work/a/part-0000/000000001.csv")).isEmpty();
		assertThatThrownBy(() -> store.open("work/a/part-0000/000000001.csv"))
			.isInstanceOf(NoSuchObjectException.class);
	}

	@Test
	void streamsALargeObjectInPartsAndPublishesItOnlyWhenComplete() throws Exception {
		MessageDigest written = MessageDigest.getInstance("SHA-256");
		byte[] block = new byte[1 << 20];
		try (OutputStream out = store.create("outputs/o/j/result.csv")) {
			for (int i = 0; i < 23; i++) {
				java.util.Arrays.fill(block, (byte) ('a' + i % 26));
				out.write(block);
				written.update(block);
				if (i == 12) {
					assertThat(store.stat("outputs/o/j/result.csv")).as("invisible until closed").isEmpty();
				}
			}
		}

		MessageDigest read = MessageDigest.getInstance("SHA-256");
		try (InputStream in = store.open("outputs/o/j/result.csv")) {
			byte[] buffer = new byte[1 << 16];
			for (int n; (n = in.read(buffer)) > 0;) {
				read.update(buffer, 0, n);
			}
		}
		assertThat(HexFormat.of().formatHex(read.digest())).isEqualTo(HexFormat.of().formatHex(written.digest()));
		assertThat(store.stat("outputs/o/j/result.csv").orElseThrow().etag()).as("a multipart ETag names its parts")
			.contains("-5");
	}

	@Test
	void leavesNothingBehindWhenAWriteIsAborted() throws IOException {
		ObjectOutput out = store.create("outputs/o/aborted/result.csv");
		out.write(new byte[6 * 1024 * 1024]);

		out.abort();

		assertThat(store.stat("outputs/o/aborted/result.csv")).isEmpty();
	}

	@Test
	void copiesAnObjectToALocalFile(@TempDir Path local) throws IOException {
		store.write("outputs/o/j2/summary.json", out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));

		store.copyTo("outputs/o/j2/summary.json", local.resolve("deep/summary.json"));

		assertThat(Files.readString(local.resolve("deep/summary.json"))).isEqualTo("{}");
	}

}
