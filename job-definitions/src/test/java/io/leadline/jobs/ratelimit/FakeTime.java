package io.leadline.jobs.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A clock and sleeper under the test's control. Auto-advancing: a sleep moves the clock
 * on at once (single-threaded math). Manual: sleepers block until the test calls
 * {@link #advance}.
 */
final class FakeTime extends Clock implements Sleeper {

	static final Instant START = Instant.parse("2026-01-15T10:00:00Z");

	private static final long WAIT_FOR_STATE_NANOS = 5_000_000_000L;

	private final boolean autoAdvance;

	private final List<Duration> sleeps = new ArrayList<>();

	private Instant now = START;

	private int sleepers;

	private FakeTime(boolean autoAdvance) {
		this.autoAdvance = autoAdvance;
	}

	static FakeTime autoAdvancing() {
		return new FakeTime(true);
	}

	static FakeTime manual() {
		return new FakeTime(false);
	}

	@Override
	public synchronized void sleep(Duration duration) throws InterruptedException {
		sleeps.add(duration);
		var wake = now.plus(duration);
		if (autoAdvance) {
			now = wake;
			return;
		}
		sleepers++;
		notifyAll();
		try {
			while (now.isBefore(wake)) {
				wait();
			}
		}
		finally {
			sleepers--;
			notifyAll();
		}
	}

	synchronized void advance(Duration duration) {
		now = now.plus(duration);
		notifyAll();
	}

	synchronized List<Duration> sleeps() {
		return List.copyOf(sleeps);
	}

	/**
	 * Waits (on a state, not a timer) until {@code count} callers are asleep in this
	 * sleeper.
	 */
	synchronized void awaitSleepers(int count) throws InterruptedException {
		var deadline = System.nanoTime() + WAIT_FOR_STATE_NANOS;
		while (sleepers < count) {
			var left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new AssertionError("expected " + count + " sleeping callers, found " + sleepers);
			}
			wait(left / 1_000_000 + 1);
		}
	}

	@Override
	public synchronized Instant instant() {
		return now;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
