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
		ProviderUsage saved = RunContext.readUsage(context);
		serperCalls.set(saved.serperCalls());
		groqCalls.set(saved.groqCalls());
		promptTokens.set(saved.promptTokens());
		completionTokens.set(saved.completionTokens());
		cacheHits.set(saved.cacheHits());
	}

	@Override
	public void update(ExecutionContext context) {
		RunContext.writeUsage(context, new ProviderUsage((int) serperCalls.get(), (int) groqCalls.get(),
				promptTokens.get(), completionTokens.get(), (int) cacheHits.get()));
	}

}
