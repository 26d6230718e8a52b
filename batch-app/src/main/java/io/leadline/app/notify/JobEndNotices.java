package io.leadline.app.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.jobs.FailureMessages;
import io.leadline.app.jobs.JobState;
import io.leadline.app.jobs.RunEnded;
import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.enrichment.EnrichmentRunHook;
import io.leadline.jobs.enrichment.JobProgress;
import io.leadline.jobs.enrichment.RowCounts;
import io.leadline.jobs.enrichment.RowStatus;
import io.leadline.jobs.enrichment.RunContext;

/**
 * Turns a job's end (completed, failed, stopped, abandoned) into one event in the outbox
 * when its owner has a webhook: once per state change of a run, however often this is
 * called and from however many processes. The server's {@link WebhookDelivery} sends it.
 * Joins every run in the job's {@link Slot#NOTIFY} slot.
 */
@Component
class JobEndNotices implements EnrichmentRunHook {

	private static final Logger log = LoggerFactory.getLogger(JobEndNotices.class);

	private final WebhookEndpoints endpoints;

	private final NotificationOutbox outbox;

	private final JobRepository jobRepository;

	private final CreditLedger ledger;

	private final JsonMapper json;

	private final Clock clock;

	JobEndNotices(WebhookEndpoints endpoints, NotificationOutbox outbox, JobRepository jobRepository,
			CreditLedger ledger, JsonMapper json) {
		this.endpoints = endpoints;
		this.outbox = outbox;
		this.jobRepository = jobRepository;
		this.ledger = ledger;
		this.json = json;
		this.clock = Clock.systemUTC();
	}

	@Override
	public Slot slot() {
		return Slot.NOTIFY;
	}

	@Override
	public void afterJob(JobExecution execution) {
		try {
			jobEnded(execution);
		}
		catch (RuntimeException e) {
			// why: a webhook that cannot be queued must not change how the job ended
			log.warn("job run {}: its end event could not be queued: {}", execution.getId(), e.toString());
		}
	}

	/**
	 * An abandoned run, and one whose process died, notify too: Batch calls no job
	 * listener for them.
	 */
	@EventListener
	void ended(RunEnded ended) {
		afterJob(ended.execution());
	}

	/**
	 * Enqueues the event of {@code execution}'s end. Does nothing while it still runs, or
	 * when its owner has no webhook.
	 * @param execution the run as it ended: in a job listener's {@code afterJob} its
	 * final status is known before Batch stores it
	 * @return whether an event was enqueued now (false when one was before)
	 */
	boolean jobEnded(JobExecution execution) {
		if (!hasEnded(execution.getStatus())) {
			return false;
		}
		EnrichmentRequest request = EnrichmentRequest.from(execution.getJobParameters());
		if (endpoints.find(request.owner()).isEmpty()) {
			return false;
		}
		JobEndedEvent event = eventOf(execution, request);
		boolean enqueued = outbox.enqueue(event.id(), request.owner(), request.jobId(), stateKey(execution),
				json.writeValueAsString(event), event.occurredAt());
		if (enqueued) {
			log.info("job {} {}: event {} queued for the webhook of account {}", request.jobId(), event.status(),
					event.id(), request.owner());
		}
		return enqueued;
	}

	/** One key per run and status: a restart is a new run, so it notifies again. */
	static String stateKey(JobExecution execution) {
		return execution.getId() + ":" + execution.getStatus().name().toLowerCase(Locale.ROOT);
	}

	private JobEndedEvent eventOf(JobExecution execution, EnrichmentRequest request) {
		JobState state = JobState.of(execution.getStatus());
		JobProgress progress = JobProgress.of(execution, history(execution));
		Map<String, Long> counts = new LinkedHashMap<>();
		counts.put("total", progress.total());
		counts.put("done", progress.done());
		RowCounts byStatus = RunContext.rows(execution);
		if (!byStatus.isEmpty()) {
			for (RowStatus status : RowStatus.values()) {
				counts.put(status.label(), byStatus.of(status));
			}
		}
		String resultPath = state == JobState.COMPLETED && ledger.isSettled(request.jobId())
				? JobEndedEvent.resultPathOf(request.jobId()) : null;
		// why: Batch keeps local times; an event says UTC
		Instant occurredAt = execution.getEndTime() != null
				? execution.getEndTime().atZone(ZoneId.systemDefault()).toInstant() : clock.instant();
		return new JobEndedEvent(UUID.randomUUID(), null, request.jobId(), state.label(), request.fileName(), counts,
				resultPath, errorOf(execution), occurredAt);
	}

	/** Every run of the job, with this one as it is in memory (newer than stored). */
	private List<JobExecution> history(JobExecution execution) {
		List<JobExecution> history = new ArrayList<>();
		for (JobExecution run : jobRepository.getJobExecutions(execution.getJobInstance())) {
			if (run.getId() != execution.getId()) {
				history.add(run);
			}
		}
		history.add(execution);
		return history;
	}

	private static String errorOf(JobExecution execution) {
		if (execution.getStatus() != BatchStatus.FAILED) {
			return null;
		}
		String description = execution.getExitStatus().getExitDescription();
		return description == null || description.isBlank() ? "failed" : FailureMessages.forOwner(description);
	}

	private static boolean hasEnded(BatchStatus status) {
		return status == BatchStatus.COMPLETED || status == BatchStatus.FAILED || status == BatchStatus.STOPPED
				|| status == BatchStatus.ABANDONED;
	}

}
