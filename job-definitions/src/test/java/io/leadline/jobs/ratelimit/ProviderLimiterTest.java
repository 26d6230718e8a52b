package io.leadline.jobs.ratelimit;

import static io.leadline.jobs.ratelimit.FakeTime.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProviderLimiterTest {

	private final ExecutorService callers = Executors.newCachedThreadPool();

	private final AtomicReference<Thread> caller = new AtomicReference<>();

	@AfterEach
	void stopCallers() {
		callers.shutdownNow();
	}

	@Test
	void letsTwoSecondsOfRequestsThroughThenSpacesThemEvenly() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).requestsPerMinute(60).build();

		for (int i = 0; i < 5; i++) {
			limiter.acquire(0).close();
		}

		assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	@Test
	void waitsForTheTokenBudget() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).tokensPerMinute(10_000).build();

		limiter.acquire(8_000).close();
		limiter.acquire(4_000).close();

		// why: 8,000 tokens are 48 s of a 10,000-per-minute budget
		assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(48));
	}

	@Test
	void pacesTokensByTheProvidersRemainingTokensWithoutAConfiguredBudget() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).build();
		limiter.acquire(1_500).close();

		limiter
			.observe(java.util.Map.of("x-ratelimit-remaining-tokens", "900", "x-ratelimit-reset-tokens", "7.2s")::get);
		limiter.acquire(1_500).close();

		// why: 900 tokens left cannot hold another 1,500-token call; waiting for the
		// reset
		// beats drawing a 429
		assertThat(time.sleeps()).containsExactly(Duration.ofMillis(7_200));
	}

	@Test
	void doesNotWaitWhileTheRemainingTokensHoldTheNextCall() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).build();
		limiter.acquire(1_500).close();

		limiter.observe(
				java.util.Map.of("x-ratelimit-remaining-tokens", "240000", "x-ratelimit-reset-tokens", "40ms")::get);
		limiter.acquire(1_500).close();

		assertThat(time.sleeps()).isEmpty();
	}

	@Test
	void givesBackWhatACallDidNotUse() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).tokensPerMinute(10_000).build();

		try (var permit = limiter.acquire(8_000)) {
			permit.reportTokens(1_000);
		}
		limiter.acquire(4_000).close();

		// why: only the 1,000 tokens used count: 6 s of budget, not the 48 s the estimate
		// would cost
		assertThat(time.sleeps()).singleElement().extracting(Duration::toMillis).isEqualTo(6_000L);
	}

	@Test
	void chargesWhatACallUsedBeyondItsEstimate() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).tokensPerMinute(10_000).build();

		try (var permit = limiter.acquire(1_000)) {
			permit.reportTokens(10_000);
		}
		limiter.acquire(1_000).close();

		assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(60));
	}

	@Test
	void aRateLimitPausesEveryCallerUntilTheInstant() throws Exception {
		var time = FakeTime.manual();
		var limiter = limiter(time).build();

		var retryAfter = limiter.rateLimited(Map.of("Retry-After", "7")::get);
		var first = acquireInBackground(limiter, time);
		var second = acquireInBackground(limiter, time);
		time.awaitSleepers(2);
		time.advance(Duration.ofSeconds(6));

		assertThat(retryAfter).contains(Duration.ofSeconds(7));
		assertThat(limiter.pausedUntil()).contains(START.plusSeconds(7));
		assertThat(first).isNotDone();
		assertThat(second).isNotDone();

		time.advance(Duration.ofSeconds(1));

		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(START.plusSeconds(7));
		assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(START.plusSeconds(7));
		assertThat(limiter.pausedUntil()).isEmpty();
	}

	@Test
	void anEarlierPauseNeverShortensALaterOne() {
		var limiter = limiter(FakeTime.manual()).build();

		limiter.pauseUntil(START.plusSeconds(10));
		limiter.pauseUntil(START.plusSeconds(5));

		assertThat(limiter.pausedUntil()).contains(START.plusSeconds(10));
	}

	@Test
	void pausesBeforeTheProviderRefusesWhenItsBudgetRunsOut() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).build();

		limiter.observe(Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2.5s",
				"x-ratelimit-remaining-tokens", "1200", "x-ratelimit-reset-tokens", "7.66s")::get);
		limiter.acquire(0).close();

		assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2_500));
	}

	@Test
	void trustsTheProvidersRemainingTokens() throws Exception {
		var time = FakeTime.autoAdvancing();
		var limiter = limiter(time).tokensPerMinute(60_000).build();

		limiter.observe(Map.of("x-ratelimit-remaining-tokens", "0", "x-ratelimit-reset-tokens", "1s")::get);
		limiter.acquire(2_000).close();

		assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
	}

	@Test
	void holdsACallBackWhileTheMaximumIsInFlight() throws Exception {
		var time = FakeTime.manual();
		var limiter = limiter(time).maxInFlight(1).build();
		var held = limiter.acquire(0);

		var waiting = acquireInBackground(limiter, time);
		awaitBlocked();

		assertThat(waiting).isNotDone();
		held.close();
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(START);
	}

	@Test
	void freesTheSlotOfACallerInterruptedWhileWaiting() throws Exception {
		var time = FakeTime.manual();
		var limiter = limiter(time).maxInFlight(1).build();
		limiter.pauseUntil(START.plusSeconds(30));
		var outcome = new AtomicReference<Throwable>();
		var waiting = new Thread(() -> {
			try (var permit = limiter.acquire(0)) {
				outcome.set(new AssertionError("got a permit"));
			}
			catch (InterruptedException e) {
				outcome.set(e);
			}
		});
		waiting.start();
		time.awaitSleepers(1);

		waiting.interrupt();
		waiting.join(5_000);
		time.advance(Duration.ofSeconds(30));

		assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
		assertThat(acquireInBackground(limiter, time).get(5, TimeUnit.SECONDS)).isEqualTo(START.plusSeconds(30));
	}

	@Test
	void anUnlimitedLimiterNeverWaitsButStillReadsTheHint() throws Exception {
		var limiter = ProviderLimiter.unlimited("serper");

		var retryAfter = limiter.rateLimited(Map.of("Retry-After", "7")::get);

		assertThat(retryAfter).contains(Duration.ofSeconds(7));
		assertThat(limiter.pausedUntil()).isEmpty();
		limiter.acquire(1_000_000).close();
	}

	@Test
	void rejectsNegativeLimits() {
		assertThatThrownBy(() -> ProviderLimiter.builder("groq").requestsPerMinute(-1))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("requestsPerMinute");
	}

	private static ProviderLimiter.Builder limiter(FakeTime time) {
		return ProviderLimiter.builder("groq").time(time, time);
	}

	/**
	 * Acquires and releases on another thread; completes with the fake time the permit
	 * came at.
	 */
	private CompletableFuture<Instant> acquireInBackground(ProviderLimiter limiter, FakeTime time) {
		return CompletableFuture.supplyAsync(() -> {
			caller.set(Thread.currentThread());
			try (var permit = limiter.acquire(0)) {
				return time.instant();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}, callers);
	}

	/**
	 * Waits (on a state) until the last background caller is parked, i.e. blocked in
	 * acquire.
	 */
	private void awaitBlocked() {
		await().atMost(Duration.ofSeconds(5))
			.pollInterval(Duration.ofMillis(1))
			.until(() -> caller.get() != null && caller.get().getState() == Thread.State.WAITING);
	}

}
