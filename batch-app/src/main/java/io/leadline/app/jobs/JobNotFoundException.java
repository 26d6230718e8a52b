package io.leadline.app.jobs;

/**
 * No such job or upload for this caller. Another owner's job or file is reported exactly
 * like one that does not exist.
 */
public final class JobNotFoundException extends RuntimeException {

	public JobNotFoundException(String what, Object id) {
		super("no " + what + " " + id);
	}

}
