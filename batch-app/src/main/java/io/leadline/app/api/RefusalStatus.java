package io.leadline.app.api;

import org.springframework.http.HttpStatus;

import io.leadline.app.jobs.StartRefusedException.Reason;

/**
 * The HTTP status of each reason a list is refused, for the API's problems and the web
 * pages alike: a new reason is given its status here, once.
 */
public final class RefusalStatus {

	private RefusalStatus() {
	}

	public static HttpStatus of(Reason reason) {
		return switch (reason) {
			case NO_EMAIL_COLUMN, UNKNOWN_EMAIL_COLUMN, EMPTY_LIST -> HttpStatus.UNPROCESSABLE_CONTENT;
			case UNKNOWN_COLUMN, UNKNOWN_FIELD -> HttpStatus.BAD_REQUEST;
			case SERVER_BUSY, INSPECTION_BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
			case INSPECTION_TIMEOUT -> HttpStatus.CONTENT_TOO_LARGE;
		};
	}

}
