package io.leadline.jobs.ratelimit;

import static io.leadline.jobs.ratelimit.FakeTime.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

	@Test
	void startsWithTwoSecondsOfBudgetNotAWholeMinute() {
		var bucket = new TokenBucket(600, START);

		assertThat(bucket.waitFor(20, START)).isZero();
		bucket.take(20, START);
		assertThat(bucket.waitFor(1, START)).isEqualTo(Duration.ofMillis(100));
	}

	@Test
	void whenEmptyWaitsForTheRefillOfWhatIsNeeded() {
		var bucket = new TokenBucket(60, START);

		bucket.take(2, START);

		assertThat(bucket.waitFor(1, START)).isEqualTo(Duration.ofSeconds(1));
		assertThat(bucket.waitFor(2, START)).isEqualTo(Duration.ofSeconds(2));
	}

	@Test
	void refillsContinuously() {
		var bucket = new TokenBucket(600, START);
		bucket.take(20, START);

		var later = START.plusMillis(1_250);

		assertThat(bucket.available(later)).isCloseTo(12.5, within(1e-9));
	}

	@Test
	void neverHoldsMoreThanTwoSecondsOfBudget() {
		var bucket = new TokenBucket(600, START);

		assertThat(bucket.available(START.plus(Duration.ofHours(1)))).isEqualTo(20.0);
	}

	@Test
	void admitsAtMostAboutOneMinutesBudgetInAnySixtySeconds() {
		var bucket = new TokenBucket(600, START);
		int admitted = 0;

		for (var now = START; now.isBefore(START.plusSeconds(60)); now = now.plusMillis(10)) {
			while (bucket.waitFor(1, now).isZero()) {
				bucket.take(1, now);
				admitted++;
			}
		}

		assertThat(admitted).isLessThanOrEqualTo(620);
	}

	@Test
	void letsAnOversizedEstimateThroughOnceFull() {
		var bucket = new TokenBucket(1_000, START);

		assertThat(bucket.waitFor(5_000, START)).isZero();
	}

	@Test
	void makesLaterCallersWaitOffADebt() {
		var bucket = new TokenBucket(6_000, START);

		bucket.take(200, START);
		bucket.adjust(-3_000);

		assertThat(bucket.waitFor(100, START)).isEqualTo(Duration.ofSeconds(31));
	}

	@Test
	void believesTheProviderWhenItReportsLessLeft() {
		var bucket = new TokenBucket(6_000, START);

		bucket.atMost(100, START);

		assertThat(bucket.available(START)).isEqualTo(100.0);
	}

}
