package io.leadline.app.notify;

import org.springframework.http.HttpStatus;

/**
 * A webhook URL Leadline will not call, with the stable {@code code} clients switch on;
 * its message is a sentence a page can show.
 */
final class WebhookUrlRefused extends IllegalArgumentException {

	/** Not an absolute http(s) URL with a host, or too long. */
	static final String INVALID = "webhook_url_invalid";

	/** {@code http://} while only {@code https://} is allowed. */
	static final String INSECURE = "webhook_url_insecure";

	/** The host resolves to a loopback, private, link-local... address. */
	static final String ADDRESS = "webhook_url_refused_address";

	/** The host does not resolve. */
	static final String UNRESOLVABLE = "webhook_url_unresolvable";

	private final String code;

	WebhookUrlRefused(String code, String detail) {
		super(detail);
		this.code = code;
	}

	String code() {
		return code;
	}

	HttpStatus status() {
		return HttpStatus.UNPROCESSABLE_CONTENT;
	}

}
