package io.leadline.jobs.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Keeps every caller of one provider inside its limits: requests per minute and,
 * optionally, tokens per minute (token buckets), calls in flight (a semaphore), and
 * pauses. A pause, set from a 429's Retry-After or when the provider's remaining-budget
 * headers hit 0, holds back every caller, so a retried call waits its turn instead of
 * hammering. Thread-safe; one per provider per JVM. The budgets and pauses live in this
 * JVM, or in Redis ({@link Builder#sharedThrough}) so that every JVM draws from one
 * budget; calls in flight are always this JVM's own.
 *
 * <p>
 * With no requests-per-minute limit configured, the limiter learns one from the
 * provider's 429s ({@link LearnedRate}: additive increase, multiplicative decrease),
 * shared through Redis like a configured one; and it paces tokens by the
 * {@code x-ratelimit-remaining-tokens} / {@code -reset-tokens} headers, holding calls
 * back before the provider's token budget runs out rather than after.
 *
 * <pre>{@code
 * var groq = ProviderLimiter.builder("groq").requestsPerMinute(1_000).tokensPerMinute(250_000).maxInFlight(32).build();
 * try (var permit = groq.acquire(estimatedTokens)) {
 *   var response = call();
 *   groq.observe(response::header);
 *   permit.reportTokens(actualTokens);
 * }
 * }</pre>
 */
public final class ProviderLimiter {

	private final String provider;

	private final Clock clock;

	private final Sleeper sleeper;

	private final RateBudget budget;

	private final Semaphore inFlight;

	private final boolean honoursPauses;

	private final LearnedRate learned;

	private volatile Instant nextShareCheck = Instant.MIN;

	// why: the largest call lately, so token pacing keeps room for one more of it
	private volatile long largestEstimate;

	private ProviderLimiter(Builder builder) {
		this.provider = builder.provider;
		this.clock = builder.clock;
		this.sleeper = builder.sleeper;
		var now = clock.instant();
		this.budget = builder.shared == null ? new LocalBudget(builder.requestsPerMinute, builder.tokensPerMinute, now)
				: builder.shared.budget(provider, builder.requestsPerMinute, builder.tokensPerMinute, now);
		this.inFlight = builder.maxInFlight > 0 ? new Semaphore(builder.maxInFlight, true) : null;
		this.honoursPauses = builder.honoursPauses;
		this.learned = builder.honoursPauses && builder.requestsPerMinute == 0 && builder.learns
				? new LearnedRate(Duration.ofMinutes(1)) : null;
	}

	/** No limits and no pauses: what a client gets when nobody configured limits. */
	public static ProviderLimiter unlimited(String provider) {
		var builder = builder(provider);
		builder.honoursPauses = false;
		builder.learns = false;
		return builder.build();
	}

	/** Starts without limits; each setting left out stays unlimited. */
	public static Builder builder(String provider) {
		return new Builder(provider);
	}

	public String provider() {
		return provider;
	}

	/**
	 * Blocks until a call may start: a slot in flight, one request and
	 * {@code estimatedTokens} are available and the provider is not paused. Close the
	 * permit when the call is done.
	 */
	public Permit acquire(long estimatedTokens) throws InterruptedException {
		if (estimatedTokens < 0) {
			throw new IllegalArgumentException("estimatedTokens must not be negative, got " + estimatedTokens);
		}
		if (inFlight != null) {
			inFlight.acquire();
		}
		try {
			awaitBudget(estimatedTokens);
		}
		catch (InterruptedException | RuntimeException e) {
			if (inFlight != null) {
				inFlight.release();
			}
			throw e;
		}
		return new Permit(estimatedTokens);
	}

	/**
	 * Holds every caller back until {@code until}; an earlier instant never shortens a
	 * pause.
	 */
	public void pauseUntil(Instant until) {
		if (honoursPauses) {
			budget.pauseUntil(until, clock.instant());
		}
	}

	/** The instant callers wait for, when the provider is paused now. */
	public Optional<Instant> pausedUntil() {
		return budget.pausedUntil(clock.instant());
	}

	/**
	 * Reads a 429's hints ({@code Retry-After}, else {@code x-ratelimit-reset-*}), pauses
	 * the provider until then and returns the wait; empty when the provider gave no hint.
	 * @param header looks a response header up by name, null when absent (e.g.
	 * {@code response::header})
	 */
	public Optional<Duration> rateLimited(Function<String, String> header) {
		var now = clock.instant();
		var retryAfter = RetryAfter.from(header, now);
		retryAfter.ifPresent(wait -> pauseUntil(now.plus(wait)));
		if (learned != null) {
			learned.rateLimited(now).ifPresent(limit -> budget.requestsPerMinute(limit, now));
		}
		return retryAfter;
	}

	/**
	 * The requests-per-minute limit learnt from 429s; 0 while none was learnt or one is
	 * configured.
	 */
	public long learnedRequestsPerMinute() {
		return learned == null ? 0 : learned.current();
	}

	/**
	 * Reads any response's {@code x-ratelimit-remaining-*} / {@code x-ratelimit-reset-*}
	 * headers and pauses before the provider has to refuse: when a budget is at 0, until
	 * it resets.
	 */
	public void observe(Function<String, String> header) {
		var now = clock.instant();
		pauseWhenExhausted(header, "requests", now);
		pauseWhenExhausted(header, "tokens", now);
		var remainingTokens = number(header.apply("x-ratelimit-remaining-tokens"));
		if (remainingTokens != null) {
			budget.tokensAtMost(remainingTokens, now);
			// why: with no tokens-per-minute budget configured, the provider's count is
			// the only one; wait for its reset while one more large call would not fit
			if (remainingTokens > 0 && remainingTokens < largestEstimate) {
				RetryAfter.goDuration(header.apply("x-ratelimit-reset-tokens"))
					.ifPresent(reset -> pauseUntil(now.plus(reset)));
			}
		}
	}

	private void pauseWhenExhausted(Function<String, String> header, String budget, Instant now) {
		var remaining = number(header.apply("x-ratelimit-remaining-" + budget));
		if (remaining != null && remaining <= 0) {
			RetryAfter.goDuration(header.apply("x-ratelimit-reset-" + budget))
				.ifPresent(reset -> pauseUntil(now.plus(reset)));
		}
	}

	private void awaitBudget(long estimatedTokens) throws InterruptedException {
		if (estimatedTokens > largestEstimate) {
			largestEstimate = estimatedTokens;
		}
		var wait = budget.take(estimatedTokens, clock.instant());
		while (!wait.isZero()) {
			sleeper.sleep(wait);
			wait = budget.take(estimatedTokens, clock.instant());
		}
		if (learned != null) {
			learnFromAdmission(clock.instant());
		}
	}

	private void learnFromAdmission(Instant now) {
		learned.admitted(now);
		if (!now.isBefore(nextShareCheck)) {
			// why: another process may have met the limit first; the lower figure wins
			nextShareCheck = now.plus(learned.step());
			var elsewhere = budget.learnedElsewhere(now);
			var mine = learned.current();
			if (elsewhere.isPresent() && (mine == 0 || elsewhere.getAsLong() < mine)) {
				learned.adopt(elsewhere.getAsLong());
				budget.requestsPerMinute(elsewhere.getAsLong(), now);
				return;
			}
		}
		learned.probe(now).ifPresent(limit -> budget.requestsPerMinute(limit, now));
	}

	private void settle(long estimatedTokens, long actualTokens) {
		budget.adjustTokens(estimatedTokens - actualTokens, clock.instant());
	}

	private void release() {
		if (inFlight != null) {
			inFlight.release();
		}
	}

	private static Long number(String value) {
		if (value == null) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/**
	 * Leave to make one call; report what it really cost, then close it to free the slot.
	 */
	public final class Permit implements AutoCloseable {

		private final long estimatedTokens;

		private boolean closed;

		private Permit(long estimatedTokens) {
			this.estimatedTokens = estimatedTokens;
		}

		/**
		 * Corrects the tokens-per-minute budget by the difference between estimate and
		 * actual use.
		 */
		public void reportTokens(long actualTokens) {
			if (actualTokens < 0) {
				throw new IllegalArgumentException("actualTokens must not be negative, got " + actualTokens);
			}
			settle(estimatedTokens, actualTokens);
		}

		@Override
		public synchronized void close() {
			if (!closed) {
				closed = true;
				release();
			}
		}

	}

	/** Limits for one provider; zero means unlimited. */
	public static final class Builder {

		private final String provider;

		private long requestsPerMinute;

		private long tokensPerMinute;

		private int maxInFlight;

		private Clock clock = Clock.systemUTC();

		private Sleeper sleeper = Sleeper.REAL;

		private boolean honoursPauses = true;

		private boolean learns = true;

		private RedisBudgets shared;

		private Builder(String provider) {
			this.provider = Objects.requireNonNull(provider, "provider");
		}

		public Builder requestsPerMinute(long requestsPerMinute) {
			this.requestsPerMinute = notNegative("requestsPerMinute", requestsPerMinute);
			return this;
		}

		public Builder tokensPerMinute(long tokensPerMinute) {
			this.tokensPerMinute = notNegative("tokensPerMinute", tokensPerMinute);
			return this;
		}

		public Builder maxInFlight(int maxInFlight) {
			this.maxInFlight = (int) notNegative("maxInFlight", maxInFlight);
			return this;
		}

		/**
		 * Keeps the budgets and pauses in Redis, shared with every other JVM calling this
		 * provider.
		 */
		public Builder sharedThrough(RedisBudgets shared) {
			this.shared = Objects.requireNonNull(shared, "shared");
			return this;
		}

		/**
		 * Never learns a requests-per-minute limit from 429s (it then only pauses for
		 * them).
		 */
		public Builder withoutLearning() {
			this.learns = false;
			return this;
		}

		Builder time(Clock clock, Sleeper sleeper) {
			this.clock = Objects.requireNonNull(clock, "clock");
			this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
			return this;
		}

		public ProviderLimiter build() {
			return new ProviderLimiter(this);
		}

		private static long notNegative(String name, long value) {
			if (value < 0) {
				throw new IllegalArgumentException(name + " must not be negative (0 means unlimited), got " + value);
			}
			return value;
		}

	}

}
