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
	/**
	 * The whole reservation comes back: the job was abandoned, deleted or its failure
	 * expired.
	 */
	RELEASE,
	/**
	 * Credits bought: a plan's monthly allowance (one per paid invoice) or a credit pack
	 * (one per Checkout Session), unique by its Stripe reference.
	 */
	PURCHASE

}
