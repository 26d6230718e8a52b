package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where one provider's per-minute budgets and pauses are kept: in this JVM
 * ({@link LocalBudget}), or in Redis, shared by every JVM that calls the provider
 * ({@link RedisBudgets}). Thread-safe.
 */
interface RateBudget {

	/**
	 * Takes one request and {@code tokens} when both are available now and the provider
	 * is not paused; otherwise takes nothing and says how long to wait before asking
	 * again.
	 */
	Duration take(long tokens, Instant now);

	/** Gives back an over-estimate (positive) or charges an under-estimate (negative). */
	void adjustTokens(long delta, Instant now);

	/**
	 * The provider says only this many tokens are left: believe it when it is less than
	 * we think.
	 */
	void tokensAtMost(long remaining, Instant now);

	/**
	 * Holds every caller back until {@code until}; an earlier instant never shortens a
	 * pause.
	 */
	void pauseUntil(Instant until, Instant now);

	/** The instant callers wait for, when the provider is paused now. */
	Optional<Instant> pausedUntil(Instant now);

	/**
	 * Sets the requests-per-minute budget learnt from the provider (no limit was
	 * configured), for every process that shares this budget.
	 */
	void requestsPerMinute(long requestsPerMinute, Instant now);

	/** A requests-per-minute budget another process learnt; empty when none. */
	OptionalLong learnedElsewhere(Instant now);

}
