package io.leadline.app.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import io.leadline.app.jobs.JobCatalog;
import io.leadline.app.jobs.JobPages;
import io.leadline.app.jobs.JobState;
import io.leadline.app.jobs.JobView;

@Command(name = "jobs", mixinStandardHelpOptions = true, description = "List recent jobs, newest first.")
class JobsCommand implements Callable<Integer> {

	private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	@Spec
	CommandSpec spec;

	@Option(names = "--status", paramLabel = "STATUS",
			description = "only jobs in this state: queued, running, completed, failed, stopped, abandoned")
	String status;

	@Option(names = "--limit", defaultValue = "20", description = "how many jobs (default: ${DEFAULT-VALUE})")
	int limit;

	private final Engine engine;

	JobsCommand(Engine engine) {
		this.engine = engine;
	}

	@Override
	public Integer call() throws SQLException {
		Optional<JobState> state = Optional.ofNullable(status).map(s -> JobState.valueOf(s.trim().toUpperCase()));
		List<JobView> jobs = page(state);
		PrintWriter out = spec.commandLine().getOut();
		if (jobs.isEmpty()) {
			out.println("no jobs yet: start one with ./leadline enrich FILE");
			return 0;
		}
		String format = "%-36s  %-24s  %-9s  %15s  %-19s  %9s%n";
		out.printf(format, "JOB ID", "FILE", "STATUS", "ROWS", "STARTED", "DURATION");
		for (JobView job : jobs) {
			out.printf(format, job.jobId(), abbreviate(job.fileName(), 24), job.state().label(),
					"%,d/%,d".formatted(job.rowsDone(), job.rowsTotal()),
					job.started() == null ? "-" : STARTED.format(job.started()), ProgressLine.human(job.elapsed()));
		}
		return 0;
	}

	/**
	 * Straight from the database when its schema is current: listing jobs needs neither
	 * Batch nor the application, whose start was most of the command's time
	 * ({@code bench/cli-startup.sh}). Otherwise the Engine starts, and migrates first.
	 */
	private List<JobView> page(Optional<JobState> state) throws SQLException {
		Optional<DirectDatabase> direct = DirectDatabase.openIfCurrent();
		if (direct.isEmpty()) {
			return engine.bean(JobCatalog.class).page(Optional.empty(), state, 0, limit);
		}
		try (DirectDatabase database = direct.get()) {
			return JobPages.of(database.dataSource()).page(Optional.empty(), state, 0, limit);
		}
	}

	private static String abbreviate(String s, int max) {
		return s.length() <= max ? s : s.substring(0, max - 1) + "…";
	}

}
