package io.leadline.app.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.leadline.jobs.input.InputLimits;
import io.leadline.app.jobs.StartRefusedException.Reason;
import io.leadline.jobs.input.ListInspection;

/**
 * Uploaded lists are inspected a few at a time, each within a time limit: parsing an
 * untrusted workbook costs memory and CPU in the JVM that runs every tenant's jobs, so a
 * burst of uploads waits its turn (503 {@code inspection_busy}) instead of piling up in
 * request threads. (Local and inbox files are the operator's own and are inspected in the
 * calling thread.)
 */
@Component
class Inspections implements DisposableBean {

	static final int AT_ONCE = 2;

	static final Duration TIME_LIMIT = Duration.ofMinutes(2);

	private final ThreadPoolExecutor pool = new ThreadPoolExecutor(AT_ONCE, AT_ONCE, 1, TimeUnit.MINUTES,
			new SynchronousQueue<>(), task -> {
				Thread thread = new Thread(task, "leadline-inspection");
				thread.setDaemon(true);
				return thread;
			});

	private final InputLimits limits;

	Inspections(InputLimits limits) {
		this.limits = limits;
	}

	ListInspection inspect(Path file) throws IOException {
		Future<ListInspection> inspection;
		try {
			inspection = pool.submit(() -> ListInspection.inspect(file, limits));
		}
		catch (RejectedExecutionException full) {
			throw new StartRefusedException(Reason.INSPECTION_BUSY,
					"%d uploads are being inspected; try again in a few seconds".formatted(AT_ONCE));
		}
		try {
			return inspection.get(TIME_LIMIT.toSeconds(), TimeUnit.SECONDS);
		}
		catch (TimeoutException slow) {
			inspection.cancel(true);
			throw new StartRefusedException(Reason.INSPECTION_TIMEOUT,
					"the file took longer than %d s to inspect".formatted(TIME_LIMIT.toSeconds()));
		}
		catch (InterruptedException e) {
			inspection.cancel(true);
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while inspecting an upload", e);
		}
		catch (ExecutionException failed) {
			if (failed.getCause() instanceof IOException io) {
				throw io;
			}
			if (failed.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException("inspection failed", failed.getCause());
		}
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

}
