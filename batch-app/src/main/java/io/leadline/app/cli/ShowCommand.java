package io.leadline.app.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobView;
import io.leadline.jobs.research.BatchState;

@Command(name = "show", mixinStandardHelpOptions = true,
		description = "Show one job: status, rows, and every step and partition with its counts and last error.")
class ShowCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "JOB_ID")
	UUID jobId;

	private final Engine engine;

	ShowCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() {
		PrintWriter out = spec.commandLine().getOut();
		JobCatalog catalog = engine.bean(JobCatalog.class);
		JobView view = catalog.view(jobId).orElseThrow(() -> new IllegalArgumentException("no job " + jobId));
		JobExecution last = catalog.lastExecution(jobId).orElseThrow();
		out.printf("job %s  %s  %s%n", view.jobId(), view.fileName(), view.state().label());
		out.println(ProgressLine.of(view));
		if (!view.rows().isEmpty()) {
			out.println("rows: " + JobRunMonitor.countsLine(view.rows()));
		}
		if (view.error() != null) {
			out.println("error: " + view.error());
		}
		out.printf("execution %d (of this job's runs, the latest)%n", last.getId());
		String format = "  %-28s  %-9s  %8s  %8s  %6s  %6s  %s%n";
		out.printf(format, "STEP", "STATUS", "READ", "WRITTEN", "SKIP", "COMMIT", "EXIT");
		last.getStepExecutions()
			.stream()
			.sorted(Comparator.comparing(StepExecution::getId))
			.forEach(step -> out.printf(format, step.getStepName(), step.getStatus(), step.getReadCount(),
					step.getWriteCount(), step.getSkipCount(), step.getCommitCount(), exitOf(step)));
		catalog.batchState(jobId).ifPresent(batch -> printBatches(out, batch));
		return 0;
	}

	/** Batch mode: the round the job is in and every batch it sent to the provider. */
	static void printBatches(PrintWriter out, BatchState batch) {
		out.printf("batch mode: %s%s%n", batch.isDone() ? "done" : "round " + batch.round(),
				batch.waitingRequests() > 0 ? ", %,d requests at the provider".formatted(batch.waitingRequests()) : "");
		String format = "  %-24s  %-11s  %-12s  %9s  %9s  %6s%n";
		out.printf(format, "BATCH", "ROUND", "STATUS", "REQUESTS", "ANSWERED", "FAILED");
		for (BatchState.SubmittedFile file : batch.files()) {
			out.printf(format, file.batchId() == null ? "(uploaded " + file.fileId() + ")" : file.batchId(),
					file.round(), file.status(), file.requests(), file.completed(), file.failed());
		}
		BatchState.Totals totals = batch.totals();
		out.printf("  %,d batches, %,d requests sent, %,d unanswered by a batch, %,d answered live%n", totals.batches(),
				totals.requests(), totals.failedRequests(), totals.liveRequests());
	}

	private static String exitOf(StepExecution step) {
		String description = step.getExitStatus().getExitDescription();
		String first = description == null || description.isBlank() ? "" : description.lines().findFirst().orElse("");
		return step.getExitStatus().getExitCode() + (first.isEmpty() ? "" : ": " + first);
	}

}
