package io.leadline.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadline.jobs.research.ResponseCache;
import io.leadline.jobs.storage.LocalObjectStore;
import io.leadline.jobs.storage.ObjectInfo;

class RetentionSweepTest {

	private static final RetentionProperties THIRTY_DAYS = new RetentionProperties(30, "0 30 3 * * *");

	static final Instant NOW = Instant.parse("2026-11-23T03:30:00Z");

	@TempDir
	Path root;

	@Test
	void deletesPersonalDataOlderThanTheRetentionButKeepsListsStillWaiting() throws Exception {
		LocalObjectStore store = new LocalObjectStore(root);
		String[] old = { "inputs/ann/j1/input.csv", "outputs/ann/j1/result.xlsx", "work/j1/meta.json",
				"inbox/ann/done/march.csv", "inbox/ann/failed/x.csv", "inbox/ann/waiting.csv" };
		for (String key : old) {
			store.write(key, out -> out.write(1));
			Files.setLastModifiedTime(root.resolve(key), FileTime.from(NOW.minus(Duration.ofDays(31))));
		}
		store.write("outputs/ann/j2/result.xlsx", out -> out.write(1));

		int deleted = new RetentionSweep(store, ResponseCache.NONE, THIRTY_DAYS).sweep(NOW);

		assertThat(deleted).isEqualTo(5);
		assertThat(store.list("")).extracting(ObjectInfo::key)
			.containsExactlyInAnyOrder("inbox/ann/waiting.csv", "outputs/ann/j2/result.xlsx");
	}

	@Test
	void keepsDeletingPastAKeyTheStoreCannotHandle() throws Exception {
		LocalObjectStore store = new LocalObjectStore(root);
		store.write("inputs/ann/j0/input.csv", out -> out.write(1));
		Files.createDirectories(root.resolve("inputs/ann/j1"));
		Files.write(root.resolve("inputs/ann/j1/a..b\\c.csv"), new byte[] { 1 });
		store.write("inputs/ann/j2/input.csv", out -> out.write(1));
		try (var files = Files.walk(root)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofDays(31))));
			}
		}

		int deleted = new RetentionSweep(store, ResponseCache.NONE, THIRTY_DAYS).sweep(NOW);

		assertThat(deleted).isEqualTo(2);
		assertThat(root.resolve("inputs/ann/j0/input.csv")).doesNotExist();
		assertThat(root.resolve("inputs/ann/j2/input.csv")).doesNotExist();
	}

}
