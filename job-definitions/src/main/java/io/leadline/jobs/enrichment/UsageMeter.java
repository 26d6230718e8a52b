package io.leadline.jobs.enrichment;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStream;

import io.leadline.jobs.research.ProviderUsage;

/**
 * Provider calls and tokens of one partition. Saved in the step's execution context at
 * every commit and reloaded on restart, so the summary counts every call the JobInstance
 * made.
 */
class UsageMeter implements ItemStream {

	static final String SERPER_CALLS = "usage.serperCalls";

	static final String GROQ_CALLS = "usage.groqCalls";

	static final String PROMPT_TOKENS = "usage.promptTokens";

	static final String COMPLETION_TOKENS = "usage.completionTokens";

	static final String CACHE_HITS = "usage.cacheHits";

	private final AtomicLong serperCalls = new AtomicLong();

	private final AtomicLong groqCalls = new AtomicLong();

	private final AtomicLong promptTokens = new AtomicLong();

	private final AtomicLong completionTokens = new AtomicLong();

	private final AtomicLong cacheHits = new AtomicLong();

	void add(ProviderUsage usage) {
		serperCalls.addAndGet(usage.serperCalls());
		groqCalls.addAndGet(usage.groqCalls());
		promptTokens.addAndGet(usage.promptTokens());
		completionTokens.addAndGet(usage.completionTokens());
		cacheHits.addAndGet(usage.cacheHits());
	}

	@Override
	public void open(ExecutionContext context) {
		serperCalls.set(context.getLong(SERPER_CALLS, 0));
		groqCalls.set(context.getLong(GROQ_CALLS, 0));
		promptTokens.set(context.getLong(PROMPT_TOKENS, 0));
		completionTokens.set(context.getLong(COMPLETION_TOKENS, 0));
		cacheHits.set(context.getLong(CACHE_HITS, 0));
	}

	@Override
	public void update(ExecutionContext context) {
		context.putLong(SERPER_CALLS, serperCalls.get());
		context.putLong(GROQ_CALLS, groqCalls.get());
		context.putLong(PROMPT_TOKENS, promptTokens.get());
		context.putLong(COMPLETION_TOKENS, completionTokens.get());
		context.putLong(CACHE_HITS, cacheHits.get());
	}

	/** Sums what the partitions saved. */
	static ProviderUsage read(ExecutionContext context) {
		return new ProviderUsage((int) context.getLong(SERPER_CALLS, 0), (int) context.getLong(GROQ_CALLS, 0),
				context.getLong(PROMPT_TOKENS, 0), context.getLong(COMPLETION_TOKENS, 0),
				(int) context.getLong(CACHE_HITS, 0));
	}

}
