package io.leadline.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leadline.jobs.input.InputLimits;
import io.leadline.jobs.input.ListInspection;

/**
 * A nightly inbox file shares the upload slots: it waits for one while uploads hold them
 * all, where an upload is refused.
 */
class InspectionsTest {

	@TempDir
	Path dir;

	final Inspections inspections = new Inspections(InputLimits.defaults(),
			new InspectionProperties(Duration.ofMinutes(2)));

	final ExecutorService callers = Executors.newCachedThreadPool();

	@AfterEach
	void stop() {
		callers.shutdownNow();
		inspections.destroy();
	}

	@Test
	void aNightlyFileWaitsForASlotThatUploadsHoldAndAnUploadIsRefused() throws Exception {
		Path good = Files.writeString(dir.resolve("good.csv"), "Name,Email\nAnn,ann@acme.example\n");
		// why: reading a named pipe blocks until a writer opens it, so these uploads hold
		// their slots until the test lets them go, with no timing involved
		List<Path> pipes = new ArrayList<>();
		for (int i = 0; i < Inspections.AT_ONCE; i++) {
			Path pipe = dir.resolve("upload-" + i);
			assertThat(new ProcessBuilder("mkfifo", pipe.toString()).start().waitFor()).isZero();
			pipes.add(pipe);
			callers.submit(() -> inspections.inspect(pipe));
		}
		await().until(inspections::freeSlots, free -> free == 0);
		assertThatThrownBy(() -> inspections.inspect(good)).isInstanceOfSatisfying(StartRefusedException.class,
				refused -> assertThat(refused.reason()).isEqualTo(StartRefusedException.Reason.INSPECTION_BUSY));

		Future<ListInspection> nightly = callers.submit(() -> inspections.inspectWaiting(good));
		await().until(inspections::anyWaiting);
		for (Path pipe : pipes) {
			// why: an empty file ends the upload's inspection and frees its slot
			CompletableFuture.runAsync(() -> {
				try (OutputStream writer = Files.newOutputStream(pipe)) {
					writer.flush();
				}
				catch (Exception e) {
					throw new IllegalStateException(e);
				}
			}, callers);
		}

		assertThat(nightly.get(1, TimeUnit.MINUTES).dataRows()).isEqualTo(1);
	}

}
