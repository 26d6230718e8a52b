package io.leadline.jobs.research;

/**
 * A provider failure that would fail every row: the API key was rejected (401/403) or the
 * account is out of credits/quota. The job stops as a whole and can be restarted after
 * the fix.
 */
public class FatalProviderException extends RuntimeException {

	private final String provider;

	public FatalProviderException(String provider, String message) {
		super(provider + ": " + message);
		this.provider = provider;
	}

	public String provider() {
		return provider;
	}

}
