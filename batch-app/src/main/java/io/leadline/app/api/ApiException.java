package io.leadline.app.api;

import org.springframework.http.HttpStatus;

/**
 * An answer other than success, with its HTTP status and the stable {@code code} clients
 * switch on.
 */
public final class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	ApiException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	// why: another owner's job or file must look exactly like one that does not exist
	public static ApiException notFound(String what, Object id) {
		return new ApiException(HttpStatus.NOT_FOUND, "not_found", "no " + what + " " + id);
	}

	static ApiException conflict(String code, String detail) {
		return new ApiException(HttpStatus.CONFLICT, code, detail);
	}

	static ApiException badRequest(String code, String detail) {
		return new ApiException(HttpStatus.BAD_REQUEST, code, detail);
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

}
