package io.leadline.app.jobs;

/**
 * The job is not in a state that allows what was asked (stop a finished job, download a
 * result not paid yet...); {@link #code()} is stable for clients to switch on.
 */
public final class JobConflictException extends RuntimeException {

	private final String code;

	public JobConflictException(String code, String message) {
		super(message);
		this.code = code;
	}

	/** {@code job_not_running}, {@code not_restartable}, {@code result_not_ready}... */
	public String code() {
		return code;
	}

}
