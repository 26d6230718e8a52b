package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;

/**
 * A budget refilled continuously at {@code perMinute}, holding at most {@link #BURST} of
 * it. It may go negative when a call turns out to cost more than estimated; later callers
 * then wait off the debt. Not thread-safe: {@link ProviderLimiter} guards it.
 */
final class TokenBucket {

	private static final double NANOS_PER_MINUTE = 60e9;

	/**
	 * why: a bucket holding a whole minute lets a cold start send up to twice the limit
	 * within one sliding minute, which is how providers count; two seconds of burst keeps
	 * any minute within ~3 %.
	 */
	static final Duration BURST = Duration.ofSeconds(2);

	private final double capacity;

	private final double perNano;

	private double available;

	private Instant refilledAt;

	TokenBucket(long perMinute, Instant now) {
		if (perMinute < 1) {
			throw new IllegalArgumentException("a bucket needs at least 1 per minute, got " + perMinute);
		}
		this.perNano = perMinute / NANOS_PER_MINUTE;
		this.capacity = Math.max(1, perNano * BURST.toNanos());
		this.available = capacity;
		this.refilledAt = now;
	}

	/** This bucket refilled at another rate, keeping what is available (or owed). */
	TokenBucket withRate(long perMinute, Instant now) {
		refill(now);
		var bucket = new TokenBucket(perMinute, now);
		bucket.available = Math.min(bucket.capacity, available);
		return bucket;
	}

	/** How long until {@code amount} can be taken; zero when it can be now. */
	Duration waitFor(double amount, Instant now) {
		refill(now);
		// why: an estimate above the bucket's capacity could never fit; let it through
		// once the bucket is full
		var needed = Math.min(amount, capacity);
		if (available >= needed) {
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((needed - available) / perNano));
	}

	void take(double amount, Instant now) {
		refill(now);
		available -= amount;
	}

	/** Gives back an over-estimate or charges an under-estimate. */
	void adjust(double delta) {
		available = Math.min(capacity, available + delta);
	}

	/**
	 * The provider says only this much is left: believe it when it is less than we think.
	 */
	void atMost(double remaining, Instant now) {
		refill(now);
		available = Math.min(available, remaining);
	}

	double available(Instant now) {
		refill(now);
		return available;
	}

	private void refill(Instant now) {
		if (now.isAfter(refilledAt)) {
			var elapsed = Duration.between(refilledAt, now).toNanos();
			available = Math.min(capacity, available + elapsed * perNano);
			refilledAt = now;
		}
	}

}
