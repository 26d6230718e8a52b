package io.leadline.jobs.research;

import java.time.Duration;
import java.util.Optional;

/**
 * A provider call failed in a way worth retrying: HTTP 429 (with {@link #retryAfter()}
 * when the provider said how long to wait), 5xx, Groq 498, connect/read timeouts, or a
 * malformed body.
 */
public class TransientProviderException extends RuntimeException {

	private final String provider;

	private final Duration retryAfter;

	public TransientProviderException(String provider, String message, Duration retryAfter, Throwable cause) {
		super(provider + ": " + message, cause);
		this.provider = provider;
		this.retryAfter = retryAfter;
	}

	public TransientProviderException(String provider, String message) {
		this(provider, message, null, null);
	}

	public String provider() {
		return provider;
	}

	public Optional<Duration> retryAfter() {
		return Optional.ofNullable(retryAfter);
	}

}
