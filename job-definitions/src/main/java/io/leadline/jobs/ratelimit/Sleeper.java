package io.leadline.jobs.ratelimit;

import java.time.Duration;

/** Waits; tests pass one driven by a fake clock so nothing sleeps for real. */
@FunctionalInterface
interface Sleeper {

	Sleeper REAL = duration -> Thread.sleep(Math.max(1, duration.toMillis()));

	void sleep(Duration duration) throws InterruptedException;

}
