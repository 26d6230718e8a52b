package io.leadline.jobs.credits;

/** An account cannot cover a job's rows; nothing was reserved. */
public class InsufficientCreditsException extends RuntimeException {

	private final long needed;

	private final long available;

	InsufficientCreditsException(String accountId, long needed, long available) {
		super("insufficient credits: account %s needs %,d credits for this job and has %,d".formatted(accountId, needed,
				available));
		this.needed = needed;
		this.available = available;
	}

	public long needed() {
		return needed;
	}

	public long available() {
		return available;
	}

}
