package io.leadline.jobs.credits;

import java.time.Instant;

/** One change to an account's balance; the ledger is append-only. */
public record LedgerEntry(long id, String accountId, long delta, Kind kind, String reason, String jobId, Instant at) {

  /** Why a balance changed. */
  public enum Kind {
    /** Credits set aside for a job's rows before it runs. */
    RESERVE,
    /** After a completed job: what was reserved but not charged (rows not {@code ok}) comes back. */
    SETTLE,
    /** An abandoned or expired job's reservation comes back whole. */
    RELEASE,
    /** Credits added by an admin or a purchase. */
    GRANT
  }
}
