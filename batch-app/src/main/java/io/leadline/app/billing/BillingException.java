package io.leadline.app.billing;

import org.springframework.http.HttpStatus;

/**
 * A billing request that cannot be served, with its HTTP status and the stable
 * {@code code} clients switch on.
 */
public class BillingException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	BillingException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	static BillingException disabled() {
		return new BillingException(HttpStatus.SERVICE_UNAVAILABLE, "billing_disabled",
				"billing is off on this server (LEADLINE_STRIPE_SECRET_KEY is not set); ask an admin for credits");
	}

	public HttpStatus status() {
		return status;
	}

	public String code() {
		return code;
	}

}
