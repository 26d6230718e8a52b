package io.leadline.jobs.input;

/**
 * A readable file that breaks one of the {@link InputLimits}: too many rows or columns, a
 * cell too long, or a workbook that inflates too far. Kept apart from other unsupported
 * input so callers can tell "wrong kind of file" from "too big a file".
 */
public class InputLimitException extends UnsupportedInputException {

	public InputLimitException(String message) {
		super(message);
	}

	InputLimitException(String message, Throwable cause) {
		super(message, cause);
	}

}
