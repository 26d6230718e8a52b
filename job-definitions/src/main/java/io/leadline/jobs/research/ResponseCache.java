package io.leadline.jobs.research;

import java.util.Optional;

/**
 * Provider answers kept between jobs, so a company searched once is not searched again
 * and a list that already ran costs nothing the second time. Keys are hashes of provider,
 * model, prompt version and request; values are the answers as JSON.
 */
public interface ResponseCache {

	/** Caches nothing: every call goes to the provider. */
	ResponseCache NONE = new ResponseCache() {
		@Override
		public Optional<String> get(String key) {
			return Optional.empty();
		}

		@Override
		public void put(String key, String kind, String value) {
		}
	};

	/** The live (not expired) value under {@code key}. */
	Optional<String> get(String key);

	/**
	 * Stores or replaces a value; {@code kind} names the provider, for operators and
	 * purges.
	 */
	void put(String key, String kind, String value);

}
