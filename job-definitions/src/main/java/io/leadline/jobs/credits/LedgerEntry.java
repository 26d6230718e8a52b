package io.leadline.jobs.credits;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * One row of the append-only ledger.
 *
 * @param jobId the job of a reserve, settle or release; null otherwise
 * @param reference what a purchase paid for (a Stripe invoice or Checkout Session id),
 * unique in the ledger; null for other rows
 * @param paid the amount paid for a purchase; null for other rows
 */
public record LedgerEntry(long id, String accountId, long delta, LedgerKind kind, String reason, UUID jobId,
		LocalDateTime at, String reference, Payment paid) {
}
