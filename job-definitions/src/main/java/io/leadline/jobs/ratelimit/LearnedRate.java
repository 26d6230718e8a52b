package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * A requests-per-minute limit learnt from the provider's 429s when none is configured
 * (additive increase, multiplicative decrease). The first 429 sets the limit a little
 * under what was admitted in the last minute, which is what the provider let through;
 * each later 429 lowers it by {@link #DECREASE}; every step (a tenth of the window)
 * without a 429 raises it by {@link #INCREASE} of itself, probing slowly for room. 429s
 * within a step of the last decrease are the same burst and lower it only once.
 * Thread-safe.
 */
final class LearnedRate {

	/**
	 * Share of the limit kept after a 429. why: 0.95, not the textbook 0.5: the
	 * provider's limit is fixed, so a small step down keeps most of the budget in use
	 */
	static final double DECREASE = 0.95;

	/**
	 * Share of the limit added after each quiet step (2.5 % a minute): slow enough that
	 * meeting the limit again, and its 429, comes about every two minutes.
	 */
	static final double INCREASE = 0.0025;

	/**
	 * why: a 429 after a handful of requests says the account is busy elsewhere, not what
	 * its limit is; learning from it would set a limit of one or two a minute
	 */
	static final int MIN_SAMPLE = 10;

	private final Duration window;

	private final Duration step;

	private final long[] perSecond;

	private long second = Long.MIN_VALUE;

	private double limit;

	private Instant lastDecrease = Instant.MIN;

	private Instant lastIncrease = Instant.MIN;

	private Instant lastRefusal = Instant.MIN;

	/**
	 * @param window what the provider counts its limit over (a minute)
	 */
	LearnedRate(Duration window) {
		this.window = window;
		this.step = window.dividedBy(10);
		this.perSecond = new long[(int) Math.max(1, window.toSeconds())];
	}

	/** Counts one request sent now. */
	synchronized void admitted(Instant now) {
		roll(now);
		perSecond[(int) Math.floorMod(second, perSecond.length)]++;
	}

	/** The provider refused a request: the new limit, when it changed. */
	synchronized OptionalLong rateLimited(Instant now) {
		lastRefusal = now;
		if (now.isBefore(lastDecrease.plus(step))) {
			return OptionalLong.empty();
		}
		roll(now);
		var admitted = admittedInWindow();
		if (limit <= 0 && admitted < MIN_SAMPLE) {
			return OptionalLong.empty();
		}
		var base = limit > 0 ? limit : admitted;
		limit = Math.max(1, base * DECREASE);
		lastDecrease = now;
		return OptionalLong.of(current());
	}

	/**
	 * After a step without any 429, a slightly higher limit; empty when nothing was
	 * learnt yet.
	 */
	synchronized OptionalLong probe(Instant now) {
		if (limit <= 0 || now.isBefore(lastRefusal.plus(step)) || now.isBefore(lastIncrease.plus(step))) {
			return OptionalLong.empty();
		}
		limit += Math.max(1, limit * INCREASE);
		lastIncrease = now;
		return OptionalLong.of(current());
	}

	/** Takes a limit another process learnt (shared through Redis). */
	synchronized void adopt(long requestsPerMinute) {
		if (requestsPerMinute > 0) {
			limit = requestsPerMinute;
		}
	}

	/** Requests per {@code window} allowed now; 0 while nothing was learnt. */
	synchronized long current() {
		return (long) Math.floor(limit);
	}

	Duration step() {
		return step;
	}

	private long admittedInWindow() {
		long sum = 0;
		for (long count : perSecond) {
			sum += count;
		}
		return sum;
	}

	private void roll(Instant now) {
		var current = now.getEpochSecond();
		if (second == Long.MIN_VALUE || current - second >= perSecond.length) {
			java.util.Arrays.fill(perSecond, 0);
		}
		else {
			for (long s = second + 1; s <= current; s++) {
				perSecond[(int) Math.floorMod(s, perSecond.length)] = 0;
			}
		}
		second = Math.max(second, current);
	}

}
