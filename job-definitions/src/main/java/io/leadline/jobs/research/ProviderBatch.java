package io.leadline.jobs.research;

import java.util.Objects;
import java.util.Set;

/**
 * A batch as the provider reports it ({@code GET /batches/{id}}): its status
 * ({@code validating → in_progress → finalizing → completed}, or {@code expired},
 * {@code failed}, {@code cancelling → cancelled}), its request counts and, once done, the
 * ids of its output and error files (null until then, or when nothing went there).
 */
public record ProviderBatch(String id, String status, String inputFileId, String outputFileId, String errorFileId,
		int total, int completed, int failed) {

	private static final Set<String> TERMINAL = Set.of("completed", "expired", "failed", "cancelled");

	public ProviderBatch {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(status, "status");
	}

	/** The provider will not change this batch any more: its files are final. */
	public boolean isTerminal() {
		return TERMINAL.contains(status);
	}

}
