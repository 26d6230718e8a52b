package io.leadline.jobs.ratelimit;

import static io.leadline.jobs.ratelimit.FakeTime.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  @Test
  void startsWithAFullMinutesBudget() {
    var bucket = new TokenBucket(60, START);

    assertThat(bucket.waitFor(60, START)).isZero();
  }

  @Test
  void whenEmptyWaitsForTheRefillOfWhatIsNeeded() {
    var bucket = new TokenBucket(60, START);

    bucket.take(60, START);

    assertThat(bucket.waitFor(1, START)).isEqualTo(Duration.ofSeconds(1));
    assertThat(bucket.waitFor(30, START)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void refillsContinuously() {
    var bucket = new TokenBucket(60, START);
    bucket.take(60, START);

    var later = START.plusMillis(12_500);

    assertThat(bucket.available(later)).isCloseTo(12.5, within(1e-9));
  }

  @Test
  void neverHoldsMoreThanOneMinutesBudget() {
    var bucket = new TokenBucket(60, START);

    assertThat(bucket.available(START.plus(Duration.ofHours(1)))).isEqualTo(60.0);
  }

  @Test
  void letsAnOversizedEstimateThroughOnceFull() {
    var bucket = new TokenBucket(1_000, START);

    assertThat(bucket.waitFor(5_000, START)).isZero();
  }

  @Test
  void makesLaterCallersWaitOffADebt() {
    var bucket = new TokenBucket(6_000, START);

    bucket.take(6_000, START);
    bucket.adjust(-3_000);

    assertThat(bucket.waitFor(1_000, START)).isEqualTo(Duration.ofSeconds(40));
  }

  @Test
  void believesTheProviderWhenItReportsLessLeft() {
    var bucket = new TokenBucket(6_000, START);

    bucket.atMost(100, START);

    assertThat(bucket.available(START)).isEqualTo(100.0);
  }
}
