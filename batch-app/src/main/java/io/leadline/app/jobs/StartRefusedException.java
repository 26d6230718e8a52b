package io.leadline.app.jobs;

/**
 * A list that cannot become a job, for a reason the caller can act on; nothing was
 * reserved or left running.
 */
public final class StartRefusedException extends RuntimeException {

	/** Why; each edge turns it into its own answer (a problem code, a CLI line). */
	public enum Reason {

		/** No column was named and none looks like an email column. */
		NO_EMAIL_COLUMN,
		/** The named email column is not in the list. */
		UNKNOWN_EMAIL_COLUMN,
		/** An output column is not in the list. */
		UNKNOWN_COLUMN,
		/** A field correction names no known field or no column of the list. */
		UNKNOWN_FIELD,
		/** The list has a header row but no data rows. */
		EMPTY_LIST,
		/** The job queue is full; try again later. */
		SERVER_BUSY,
		/** As many uploads as the server inspects at once are being inspected. */
		INSPECTION_BUSY,
		/**
		 * The list (an upload or an inbox file) took longer than the time limit to
		 * inspect.
		 */
		INSPECTION_TIMEOUT

	}

	private final Reason reason;

	public StartRefusedException(Reason reason, String message) {
		super(message);
		this.reason = reason;
	}

	public Reason reason() {
		return reason;
	}

	/**
	 * The stable code clients switch on: {@code no_email_column}, {@code empty_list}...
	 */
	public String code() {
		return reason.name().toLowerCase(java.util.Locale.ROOT);
	}

}
