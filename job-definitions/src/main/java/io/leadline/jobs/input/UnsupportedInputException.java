package io.leadline.jobs.input;

/**
 * A file that is not a CSV or XLSX list we can read. Fatal for the file: retrying cannot
 * help, so the message is one line meant for the person who uploaded it.
 */
public class UnsupportedInputException extends RuntimeException {

	public UnsupportedInputException(String message) {
		super(message);
	}

	UnsupportedInputException(String message, Throwable cause) {
		super(message, cause);
	}

}
