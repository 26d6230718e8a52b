package io.leadline.app.jobs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.JobProgress;

/** Finds enrichment jobs in Spring Batch metadata by their {@code jobId}, and describes them. */
@Component
public class JobCatalog {

	private final JobRepository jobRepository;

	JobCatalog(JobRepository jobRepository) {
		this.jobRepository = jobRepository;
	}

	public Optional<JobInstance> instance(UUID jobId) {
		JobParameters identifying = new JobParametersBuilder().addString("jobId", jobId.toString(), true)
			.toJobParameters();
		return Optional.ofNullable(jobRepository.getJobInstance(EnrichmentJobConfig.JOB, identifying));
	}

	public Optional<JobExecution> lastExecution(UUID jobId) {
		return instance(jobId).map(jobRepository::getLastJobExecution);
	}

	public Optional<JobView> view(UUID jobId) {
		return instance(jobId).map(this::view);
	}

	/** Newest first. */
	public List<JobView> recent(int count, Optional<JobState> state) {
		List<JobView> views = new ArrayList<>();
		for (JobInstance instance : jobRepository.getJobInstances(EnrichmentJobConfig.JOB, 0, count)) {
			JobView view = view(instance);
			if (view != null && state.map(s -> s == view.state()).orElse(true)) {
				views.add(view);
			}
		}
		views.sort(Comparator.comparing(JobView::executionId).reversed());
		return views;
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
				last.getId(), progress.total(), progress.done(), progress.percent(), JobProgress.statuses(last),
				last.getStartTime(), progress.elapsed(), errorOf(last),
				request.workArea().resultKey(request.format().extension()), request.exportPath());
	}

	/** The first line a person should read: the exit description of a failed run. */
	private static String errorOf(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.UNKNOWN) {
			return null;
		}
		String description = execution.getExitStatus().getExitDescription();
		if (description == null || description.isBlank()) {
			return execution.getAllFailureExceptions()
				.stream()
				.findFirst()
				.map(Throwable::getMessage)
				.orElse("failed");
		}
		return FailureMessages.firstLine(description);
	}
}
