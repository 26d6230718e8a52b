package io.leadline.jobs.research;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

/**
 * Where a job's batch research stands, small enough for the step's execution context
 * (saved after every move, so a crash, stop or restart resumes from it): the phase, the
 * round in it and every input file sent for that round with its batch id and status. A
 * file recorded without a batch id was uploaded but its batch may not exist yet; a
 * restart looks it up by its input file before creating one, so no request is submitted
 * twice.
 *
 * @param phase {@code search}, {@code company}, {@code person}, {@code opener} or
 * {@code done}
 * @param round the round of the phase: its name, or its name and {@code -fix} for the
 * corrective round
 * @param submissions how often this round went to the Batch API
 * @param roundStartedAt epoch milliseconds
 * @param nextPollAt epoch milliseconds
 * @param pollDelayMillis the wait before the next poll
 * @param files every batch input file of the job, oldest first
 * @param totals what the job sent and got, for its summary
 */
public record BatchState(String phase, String round, int submissions, long roundStartedAt, long nextPollAt,
		long pollDelayMillis, List<SubmittedFile> files, Totals totals) {

	/**
	 * One input file: uploaded ({@code batchId} null), then a batch the provider works
	 * on, then saved (its output and error files copied to the work area), or
	 * {@code live} for stragglers answered through the live path.
	 */
	public record SubmittedFile(String round, String fileId, String batchId, String status, int requests, int completed,
			int failed, boolean saved) {

		public SubmittedFile {
			Objects.requireNonNull(round, "round");
			Objects.requireNonNull(status, "status");
		}

		SubmittedFile withBatch(ProviderBatch batch) {
			return new SubmittedFile(round, fileId, batch.id(), batch.status(), requests, batch.completed(),
					batch.failed(), saved);
		}

		SubmittedFile savedAs(ProviderBatch batch) {
			return new SubmittedFile(round, fileId, batch.id(), batch.status(), requests, batch.completed(),
					batch.failed(), true);
		}

		boolean isWaiting() {
			return !saved;
		}

	}

	/**
	 * @param batches batches created
	 * @param requests requests sent in them (resubmissions included)
	 * @param failedRequests requests a batch ended without answering (expired, failed)
	 * @param liveRequests stragglers answered through the live path
	 * @param promptTokens prompt tokens billed at the batch price
	 * @param completionTokens completion tokens billed at the batch price
	 */
	public record Totals(int batches, long requests, long failedRequests, long liveRequests, long promptTokens,
			long completionTokens) {

		static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0);

	}

	public BatchState {
		Objects.requireNonNull(phase, "phase");
		Objects.requireNonNull(round, "round");
		files = List.copyOf(files);
		Objects.requireNonNull(totals, "totals");
	}

	/** A job whose batch research has not started. */
	public static BatchState start() {
		return new BatchState(BatchResearch.SEARCH, BatchResearch.SEARCH, 0, 0, 0, 0, List.of(), Totals.NONE);
	}

	public boolean isDone() {
		return phase.equals(BatchResearch.DONE);
	}

	/** Requests of the current round waiting in batches at the provider. */
	public int waitingRequests() {
		return files.stream()
			.filter(file -> file.round().equals(round) && file.isWaiting())
			.mapToInt(SubmittedFile::requests)
			.sum();
	}

	public String toJson() {
		return JsonMapper.shared().writeValueAsString(this);
	}

	public static BatchState fromJson(String json) {
		return JsonMapper.shared().readValue(json, BatchState.class);
	}

	BatchState inRound(String phase, String round, long now, long pollDelay) {
		return new BatchState(phase, round, 0, now, now, pollDelay, files, totals);
	}

	BatchState withFiles(List<SubmittedFile> changed) {
		return new BatchState(phase, round, submissions, roundStartedAt, nextPollAt, pollDelayMillis, changed, totals);
	}

	BatchState submitted(List<SubmittedFile> uploaded, long now, long pollDelay) {
		var all = new ArrayList<>(files);
		all.addAll(uploaded);
		return new BatchState(phase, round, submissions + 1, roundStartedAt, now, pollDelay, all, totals);
	}

	BatchState pollAgainAt(long at, long delay) {
		return new BatchState(phase, round, submissions, roundStartedAt, at, delay, files, totals);
	}

	BatchState withTotals(Totals changed) {
		return new BatchState(phase, round, submissions, roundStartedAt, nextPollAt, pollDelayMillis, files, changed);
	}

}
