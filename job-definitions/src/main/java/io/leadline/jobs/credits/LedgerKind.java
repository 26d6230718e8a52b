package io.leadline.jobs.credits;

/**
 * Why a ledger row moved credits. RESERVE, SETTLE and RELEASE happen at most once per
 * job.
 */
public enum LedgerKind {

	/** Credits added by an admin or the starting grant of a new account. */
	GRANT,
	/** Credits held for a job's rows before it runs (negative). */
	RESERVE,
	/**
	 * After a completed job: the reserved credits it did not charge come back (zero or
	 * positive).
	 */
	SETTLE,
	/** All the job holds comes back, for good: the job was abandoned or deleted. */
	RELEASE,
	/**
	 * A failed run's reservation comes back at once, but for the rows it did (their
	 * results wait for the restart); a restart reserves the rows still to do again.
	 */
	RETURN,
	/**
	 * Credits bought: a plan's monthly allowance (one per paid invoice) or a credit pack
	 * (one per Checkout Session), unique by its Stripe reference.
	 */
	PURCHASE

}
