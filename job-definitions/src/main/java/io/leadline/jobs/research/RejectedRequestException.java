package io.leadline.jobs.research;

/**
 * The provider refused this one request (a 4xx other than auth, credits or rate limits):
 * retrying will not help, but other rows may still succeed, so the row fails and the job
 * goes on.
 */
class RejectedRequestException extends RuntimeException {

	private final String provider;

	private final int status;

	public RejectedRequestException(String provider, int status, String bodyExcerpt) {
		super("%s: request rejected (HTTP %d)%s".formatted(provider, status,
				bodyExcerpt.isBlank() ? "" : ": " + bodyExcerpt));
		this.provider = provider;
		this.status = status;
	}

	public String provider() {
		return provider;
	}

	public int status() {
		return status;
	}

}
