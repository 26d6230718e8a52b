package io.leadline.jobs.credits;

import java.time.LocalDateTime;
import java.util.UUID;

/** One row of the append-only ledger; {@code jobId} is null for grants. */
public record LedgerEntry(long id, String accountId, long delta, LedgerKind kind, String reason, UUID jobId,
		LocalDateTime at) {
}
