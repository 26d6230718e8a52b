package io.leadline.app.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.JobLog;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.EnrichmentSummary;
import io.leadline.jobs.enrichment.WorkArea;
import io.leadline.jobs.enrichment.JobProgress;
import io.leadline.jobs.enrichment.RunContext;
import io.leadline.jobs.research.BatchState;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Finds enrichment jobs in Spring Batch metadata by their {@code jobId}, and describes
 * them.
 */
@Component
public class JobCatalog {

	private final JobRepository jobRepository;

	private final ObjectStore store;

	private final JsonMapper json;

	private final JobLog jobLog;

	private final JobPages pages;

	JobCatalog(JobRepository jobRepository, DataSource dataSource, ObjectStore store, JsonMapper json, JobLog jobLog,
			ObjectProvider<ExecutionContextSerializer> serializer) {
		this.jobLog = jobLog;
		this.jobRepository = jobRepository;
		// why: read contexts as Batch wrote them (Boot uses the same bean, else Batch's
		// default)
		this.pages = new JobPages(JdbcClient.create(dataSource),
				serializer.getIfAvailable(DefaultExecutionContextSerializer::new));
		this.store = store;
		this.json = json;
	}

	public Optional<JobInstance> instance(UUID jobId) {
		return Optional
			.ofNullable(jobRepository.getJobInstance(EnrichmentJobConfig.JOB, EnrichmentRequest.identifying(jobId)));
	}

	public Optional<JobExecution> lastExecution(UUID jobId) {
		return instance(jobId).map(jobRepository::getLastJobExecution);
	}

	public Optional<JobView> view(UUID jobId) {
		return instance(jobId).map(this::view);
	}

	/**
	 * One page of jobs, newest first: an owner's ({@code owner} given) or everyone's, in
	 * one state or any. A constant number of queries whatever the page size; the filters
	 * run in the database, before the limit.
	 */
	public List<JobView> page(Optional<String> owner, Optional<JobState> state, int offset, int limit) {
		return pages.page(owner, state, offset, limit);
	}

	public long count(Optional<String> owner, Optional<JobState> state) {
		return pages.count(owner, state);
	}

	/**
	 * The job's log, oldest first: its own lines (runs, partition progress, retries)
	 * beside what Batch's metadata says of each execution and step.
	 */
	public List<JobLogLine> log(UUID jobId) {
		List<JobLogLine> lines = batchLog(jobId);
		jobLog.lines(jobId).forEach(line -> lines.add(new JobLogLine(line.at(), line.message())));
		lines.sort(Comparator.comparing(JobLogLine::at, Comparator.nullsLast(Comparator.naturalOrder())));
		return lines;
	}

	private List<JobLogLine> batchLog(UUID jobId) {
		List<JobLogLine> lines = new ArrayList<>();
		instance(jobId).ifPresent(instance -> {
			List<JobExecution> history = new ArrayList<>(jobRepository.getJobExecutions(instance));
			history.sort(Comparator.comparingLong(JobExecution::getId));
			for (JobExecution execution : history) {
				lines.add(
						new JobLogLine(execution.getCreateTime(), "execution %d created".formatted(execution.getId())));
				execution.getStepExecutions()
					.stream()
					.sorted(Comparator.comparing(StepExecution::getStartTime,
							Comparator.nullsLast(Comparator.naturalOrder())))
					.forEach(step -> lines.add(stepLine(step)));
				if (execution.getEndTime() != null) {
					String error = errorOf(execution);
					lines.add(new JobLogLine(execution.getEndTime(), "execution %d %s%s".formatted(execution.getId(),
							JobState.of(execution.getStatus()).label(), error == null ? "" : ": " + error)));
				}
			}
		});
		return lines;
	}

	private static JobLogLine stepLine(StepExecution step) {
		LocalDateTime at = step.getEndTime() != null ? step.getEndTime() : step.getStartTime();
		String exit = step.getExitStatus().getExitDescription();
		String line = "step %s %s: %,d read, %,d written, %,d skipped".formatted(step.getStepName(),
				JobState.of(step.getStatus()).label(), step.getReadCount(), step.getWriteCount(), step.getSkipCount());
		if (step.getStatus() == BatchStatus.STOPPED) {
			line += " (" + JobLog.STOPPED_BY_REQUEST + ")";
		}
		else if (exit != null && !exit.isBlank() && step.getStatus() != BatchStatus.COMPLETED) {
			line += " (" + FailureMessages.forOwner(exit) + ")";
		}
		return new JobLogLine(at, line);
	}

	/**
	 * Where a batch-mode job's batches stand at the provider, from its batch step's
	 * context; empty for a live job or before the step ran.
	 */
	public Optional<BatchState> batchState(UUID jobId) {
		return instance(jobId).flatMap(instance -> RunContext.batchState(jobRepository.getJobExecutions(instance)));
	}

	/** {@code summary.json} of a completed job, if merge wrote one. */
	public Optional<EnrichmentSummary> summary(JobView view) throws IOException {
		String key = new WorkArea(view.jobId(), view.owner()).summaryKey();
		if (store.stat(key).isEmpty()) {
			return Optional.empty();
		}
		try (InputStream in = store.open(key)) {
			return Optional.of(json.readValue(in, EnrichmentSummary.class));
		}
	}

	private JobView view(JobInstance instance) {
		List<JobExecution> history = jobRepository.getJobExecutions(instance);
		if (history.isEmpty()) {
			return null;
		}
		JobExecution last = history.stream().max(Comparator.comparingLong(JobExecution::getId)).orElseThrow();
		EnrichmentRequest request = EnrichmentRequest.from(last.getJobParameters());
		JobProgress progress = JobProgress.of(last, history);
		return new JobView(request.jobId(), request.owner(), request.fileName(), JobState.of(last.getStatus()),
				last.getId(), progress.total(), progress.done(), progress.percent(), RunContext.rows(last),
				last.getStartTime(), progress.elapsed(), errorOf(last),
				request.workArea().resultKey(request.format().extension()), request.format(), request.exportPath(),
				RunContext.usage(last).orElse(null), RunContext.costUsd(last).orElse(null), request.mode());
	}

	/** The first line a person should read: the exit description of a failed run. */
	private static String errorOf(JobExecution execution) {
		return errorOf(execution.getStatus(), execution.getExitStatus().getExitDescription(),
				execution.getAllFailureExceptions());
	}

	static String errorOf(BatchStatus status, String exitDescription, List<Throwable> failures) {
		if (status != BatchStatus.FAILED && status != BatchStatus.UNKNOWN) {
			return null;
		}
		if (exitDescription == null || exitDescription.isBlank()) {
			return failures.stream()
				.findFirst()
				.map(e -> FailureMessages.forOwner(e.getClass().getName() + ": " + e.getMessage()))
				.orElse("failed");
		}
		return FailureMessages.forOwner(exitDescription);
	}

}
