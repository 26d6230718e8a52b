package io.leadline.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.stereotype.Component;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobView;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.enrichment.RowStatus;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Runs a job in the background while the terminal shows rows done, rate and ETA, then
 * reports the outcome: counts by status, provider usage and where the result is. Progress
 * is read from Batch metadata, the same numbers {@code leadline jobs} and the API show.
 */
@Component
class JobRunMonitor {

	private static final Duration TICK = Duration.ofMillis(500);

	private static final Duration QUIET_TICK = Duration.ofSeconds(10);

	private final JobCatalog catalog;

	private final ObjectStore store;

	JobRunMonitor(JobCatalog catalog, ObjectStore store) {
		this.catalog = catalog;
		this.store = store;
	}

	/**
	 * @return the process exit code: 0 when the job completed
	 */
	int run(UUID jobId, Callable<JobExecution> launch, PrintWriter out) throws Exception {
		boolean terminal = System.console() != null;
		CompletableFuture<JobExecution> run = CompletableFuture.supplyAsync(() -> {
			try {
				return launch.call();
			}
			catch (Exception e) {
				throw new IllegalStateException(e.getMessage(), e);
			}
		});
		out.println("job " + jobId + " started");
		out.flush();
		long lastQuietPrint = System.nanoTime();
		while (true) {
			try {
				run.get(TICK.toMillis(), TimeUnit.MILLISECONDS);
				break;
			}
			catch (TimeoutException stillRunning) {
				Optional<JobView> view = catalog.view(jobId);
				if (view.isEmpty()) {
					continue;
				}
				if (terminal) {
					out.print("\r" + ProgressLine.of(view.get()) + "   ");
					out.flush();
				}
				else if (System.nanoTime() - lastQuietPrint > QUIET_TICK.toNanos()) {
					out.println(ProgressLine.of(view.get()));
					out.flush();
					lastQuietPrint = System.nanoTime();
				}
			}
			catch (ExecutionException e) {
				Throwable cause = e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
				throw cause instanceof Exception ex ? ex : e;
			}
		}
		if (terminal) {
			out.println();
		}
		return report(jobId, out);
	}

	private int report(UUID jobId, PrintWriter out) throws IOException {
		JobView view = catalog.view(jobId).orElseThrow();
		out.println(ProgressLine.of(view));
		if (view.state() != io.leadline.app.jobs.JobState.COMPLETED) {
			out.printf("job %s %s: %s%n", jobId, view.state().label(),
					view.error() == null ? "see the log" : view.error());
			out.printf("restart it with: ./leadline restart %s%n", jobId);
			out.flush();
			return 1;
		}
		out.println("rows: " + countsLine(view.rows()));
		catalog.summary(view)
			.ifPresent(summary -> out.printf(
					"providers: %,d serper calls, %,d groq calls, %,d tokens, %,d cache hits, est. $%.4f; job time %.1fs%n",
					summary.usage().serperCalls(), summary.usage().groqCalls(),
					summary.usage().promptTokens() + summary.usage().completionTokens(), summary.usage().cacheHits(),
					summary.estimatedCostUsd(), summary.jobSeconds()));
		out.println("result: " + store.location(view.resultKey()));
		if (view.exportPath() != null) {
			out.println("exported: " + view.exportPath());
		}
		out.flush();
		return 0;
	}

	static String countsLine(RowCounts counts) {
		return java.util.Arrays.stream(RowStatus.values())
			.map(s -> counts.of(s) + " " + s.label())
			.collect(Collectors.joining(", "));
	}

}
