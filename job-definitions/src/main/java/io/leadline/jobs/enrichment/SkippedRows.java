package io.leadline.jobs.enrichment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.springframework.batch.core.listener.SkipListener;

import io.leadline.jobs.research.TransientProviderException;

/**
 * Keeps the rows a partition skipped until its chunk is written. Batch 6 never hands a
 * skipped item to the writer; without this, a row whose provider kept failing would
 * vanish from the result. The chunk writer drains them into the same chunk object, so
 * they commit with their chunk.
 */
final class SkippedRows {

	private final Map<Long, Queue<RowRecord>> byStepExecution = new ConcurrentHashMap<>();

	void add(long stepExecutionId, RowRecord row) {
		byStepExecution.computeIfAbsent(stepExecutionId, id -> new ConcurrentLinkedQueue<>()).add(row);
	}

	List<RowRecord> drain(long stepExecutionId) {
		Queue<RowRecord> queue = byStepExecution.remove(stepExecutionId);
		return queue == null ? List.of() : new ArrayList<>(queue);
	}

	/** The listener of one partition's step execution. */
	SkipListener<ProspectRow, RowRecord> listener(long stepExecutionId) {
		return new SkipListener<>() {
			@Override
			public void onSkipInProcess(ProspectRow item, Throwable cause) {
				add(stepExecutionId, recordOf(item, cause));
			}
		};
	}

	/**
	 * A provider that kept failing makes the row {@code failed}; anything else is
	 * {@code skipped}.
	 */
	static RowRecord recordOf(ProspectRow item, Throwable cause) {
		if (cause instanceof TransientProviderException) {
			return RowRecord.resolved(item.rowNumber(), RowStatus.FAILED,
					"gave up after retries: " + cause.getMessage(), item.cells());
		}
		String message = cause.getMessage() == null ? "" : ": " + cause.getMessage();
		return RowRecord.resolved(item.rowNumber(), RowStatus.SKIPPED,
				"unexpected error " + cause.getClass().getSimpleName() + message, item.cells());
	}

}
