package io.leadline.jobs.research;

/**
 * Provider calls and LLM tokens one row consumed, for cost accounting. {@code cacheHits}
 * counts searches answered from the per-job domain cache instead of a Serper call.
 */
public record ProviderUsage(int serperCalls, int groqCalls, long promptTokens, long completionTokens, int cacheHits) {

	public static final ProviderUsage NONE = new ProviderUsage(0, 0, 0, 0, 0);

	public ProviderUsage {
		if (serperCalls < 0 || groqCalls < 0 || promptTokens < 0 || completionTokens < 0 || cacheHits < 0) {
			throw new IllegalArgumentException(
					"usage counts must not be negative: serper=%d groq=%d prompt=%d completion=%d cacheHits=%d"
						.formatted(serperCalls, groqCalls, promptTokens, completionTokens, cacheHits));
		}
	}

	public ProviderUsage plus(ProviderUsage other) {
		return new ProviderUsage(serperCalls + other.serperCalls, groqCalls + other.groqCalls,
				promptTokens + other.promptTokens, completionTokens + other.completionTokens,
				cacheHits + other.cacheHits);
	}

	static ProviderUsage serperCall() {
		return new ProviderUsage(1, 0, 0, 0, 0);
	}

	static ProviderUsage cacheHit() {
		return new ProviderUsage(0, 0, 0, 0, 1);
	}

	static ProviderUsage groqCall(long promptTokens, long completionTokens) {
		return new ProviderUsage(0, 1, promptTokens, completionTokens, 0);
	}
}
