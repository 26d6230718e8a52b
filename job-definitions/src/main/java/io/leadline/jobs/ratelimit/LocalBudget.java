package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A provider's budgets in this JVM: token buckets and a pause, guarded by this object's
 * lock.
 */
final class LocalBudget implements RateBudget {

	private TokenBucket requests;

	private final TokenBucket tokens;

	private Instant pausedUntil = Instant.MIN;

	/** Zero per minute means that budget is unlimited. */
	LocalBudget(long requestsPerMinute, long tokensPerMinute, Instant now) {
		this.requests = requestsPerMinute > 0 ? new TokenBucket(requestsPerMinute, now) : null;
		this.tokens = tokensPerMinute > 0 ? new TokenBucket(tokensPerMinute, now) : null;
	}

	@Override
	public synchronized Duration take(long estimatedTokens, Instant now) {
		if (pausedUntil.isAfter(now)) {
			return Duration.between(now, pausedUntil);
		}
		var wait = requests == null ? Duration.ZERO : requests.waitFor(1, now);
		if (tokens != null) {
			var tokenWait = tokens.waitFor(estimatedTokens, now);
			wait = tokenWait.compareTo(wait) > 0 ? tokenWait : wait;
		}
		if (wait.isZero()) {
			if (requests != null) {
				requests.take(1, now);
			}
			if (tokens != null) {
				tokens.take(estimatedTokens, now);
			}
		}
		return wait;
	}

	@Override
	public synchronized void adjustTokens(long delta, Instant now) {
		if (tokens != null) {
			tokens.adjust(delta);
		}
	}

	@Override
	public synchronized void tokensAtMost(long remaining, Instant now) {
		if (tokens != null) {
			tokens.atMost(remaining, now);
		}
	}

	@Override
	public synchronized void pauseUntil(Instant until, Instant now) {
		if (until.isAfter(pausedUntil)) {
			pausedUntil = until;
		}
	}

	@Override
	public synchronized void requestsPerMinute(long requestsPerMinute, Instant now) {
		requests = requests == null ? new TokenBucket(requestsPerMinute, now)
				: requests.withRate(requestsPerMinute, now);
	}

	@Override
	public OptionalLong learnedElsewhere(Instant now) {
		return OptionalLong.empty();
	}

	@Override
	public synchronized Optional<Instant> pausedUntil(Instant now) {
		return pausedUntil.isAfter(now) ? Optional.of(pausedUntil) : Optional.empty();
	}

}
