package io.leadline.app.jobs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import io.leadline.jobs.input.InputLimits;
import io.leadline.app.jobs.StartRefusedException.Reason;
import io.leadline.jobs.input.ListInspection;

/**
 * Lists are inspected a few at a time, each within a time limit: parsing an untrusted
 * workbook costs memory and CPU in the JVM that runs every tenant's jobs, so a burst of
 * uploads waits its turn (503 {@code inspection_busy}) instead of piling up in request
 * threads. Nightly inbox files share the same slots and limit, but wait for a slot
 * instead of being refused. (Local CLI files are the operator's own and are inspected in
 * the calling thread.)
 */
@Component
@EnableConfigurationProperties(InspectionProperties.class)
class Inspections implements DisposableBean {

	static final int AT_ONCE = 2;

	// why: the permits, not the pool, bound how many inspections are admitted; fair, so a
	// nightly file waiting for a slot gets the next one even while uploads keep arriving
	private final Semaphore slots = new Semaphore(AT_ONCE, true);

	// why: an unbounded queue, because a timed-out inspection gives its slot back at once
	// but its thread stops only at its next row; the next one queues behind it briefly
	private final ThreadPoolExecutor pool = new ThreadPoolExecutor(AT_ONCE, AT_ONCE, 1, TimeUnit.MINUTES,
			new LinkedBlockingQueue<>(), task -> {
				Thread thread = new Thread(task, "leadline-inspection");
				thread.setDaemon(true);
				return thread;
			});

	private final InputLimits limits;

	private final Duration timeLimit;

	Inspections(InputLimits limits, InspectionProperties properties) {
		this.limits = limits;
		this.timeLimit = properties.timeLimit();
	}

	/**
	 * An upload: refused when {@value #AT_ONCE} lists are being inspected.
	 * @throws StartRefusedException {@code INSPECTION_BUSY} or {@code INSPECTION_TIMEOUT}
	 */
	ListInspection inspect(Path file) throws IOException {
		boolean admitted;
		try {
			// why: tryAcquire() would barge past a waiting nightly file; this honours
			// fairness
			admitted = slots.tryAcquire(0, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			throw interrupted(e);
		}
		if (!admitted) {
			throw new StartRefusedException(Reason.INSPECTION_BUSY,
					"%d uploads are being inspected; try again in a few seconds".formatted(AT_ONCE));
		}
		return inspectAdmitted(file);
	}

	/**
	 * A nightly inbox file: waits for a slot (at most about one time limit, as every
	 * inspection holding one ends by then), then inspects within the time limit.
	 * @throws StartRefusedException {@code INSPECTION_TIMEOUT}
	 */
	ListInspection inspectWaiting(Path file) throws IOException {
		try {
			slots.acquire();
		}
		catch (InterruptedException e) {
			throw interrupted(e);
		}
		return inspectAdmitted(file);
	}

	private ListInspection inspectAdmitted(Path file) throws IOException {
		try {
			Future<ListInspection> inspection = pool.submit(() -> ListInspection.inspect(file, limits));
			try {
				return inspection.get(timeLimit.toNanos(), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException slow) {
				inspection.cancel(true);
				throw new StartRefusedException(Reason.INSPECTION_TIMEOUT,
						"the file took longer than %s to inspect".formatted(readable(timeLimit)));
			}
			catch (InterruptedException e) {
				inspection.cancel(true);
				throw interrupted(e);
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
		finally {
			slots.release();
		}
	}

	/** Slots no inspection holds now. */
	int freeSlots() {
		return slots.availablePermits();
	}

	/** Whether a nightly file is waiting for a slot. */
	boolean anyWaiting() {
		return slots.hasQueuedThreads();
	}

	private static IOException interrupted(InterruptedException e) {
		Thread.currentThread().interrupt();
		return new IOException("interrupted while inspecting a list", e);
	}

	/** {@code 120 s}, {@code 1 ms}. */
	private static String readable(Duration limit) {
		return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() + " ms";
	}

	@Override
	public void destroy() {
		pool.shutdownNow();
	}

}
