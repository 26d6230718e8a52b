package io.leadline.jobs.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limiters of separate JVMs (each its own Redis connection) drawing from one budget in a
 * real Redis server: together within one limit, one pause for all, and on their own when
 * Redis is gone.
 */
class SharedBudgetIT {

	/** Redis's TIME and the JVM's clock read the same host clock, to the millisecond. */
	static final Duration CLOCK_GRAIN = Duration.ofMillis(2);

	static EmbeddedRedis redis;

	final ExecutorService callers = Executors.newCachedThreadPool();

	@BeforeAll
	static void startRedis() throws Exception {
		redis = new EmbeddedRedis();
	}

	@AfterAll
	static void stopRedis() throws Exception {
		redis.close();
	}

	@AfterEach
	void stopCallers() {
		callers.shutdownNow();
	}

	@Test
	void twoProcessesTogetherStayWithinOneRequestsPerMinuteBudget() throws Exception {
		var first = ProviderLimiter.builder("serper-rpm").requestsPerMinute(600).sharedThrough(redis.budgets()).build();
		var second = ProviderLimiter.builder("serper-rpm")
			.requestsPerMinute(600)
			.sharedThrough(redis.budgets())
			.build();
		var window = Duration.ofSeconds(4);

		var firstCalls = callFor(first, window, 4);
		var secondCalls = callFor(second, window, 4);
		int calls = firstCalls.get() + secondCalls.get();

		// why: 600 a minute is 10 a second; 4 s of it plus the 2 s burst (20) is 60 in
		// all. Two
		// budgets of their own would let through about twice that.
		assertThat(calls).isBetween(45, 63);
		assertThat(firstCalls.get()).as("both processes get calls through").isGreaterThan(10);
		assertThat(secondCalls.get()).as("both processes get calls through").isGreaterThan(10);
	}

	@Test
	void aRateLimitSeenByOneProcessPausesTheOther() throws Exception {
		var first = ProviderLimiter.builder("groq-pause").sharedThrough(redis.budgets()).build();
		var second = ProviderLimiter.builder("groq-pause").sharedThrough(redis.budgets()).build();

		first.rateLimited(Map.of("Retry-After", "1")::get);

		Instant pauseEnds = second.pausedUntil().orElseThrow();
		second.acquire(0).close();

		// why: when the call is let through, not how long it waited: a loaded machine may
		// reach acquire late in the pause
		assertThat(Instant.now()).isAfterOrEqualTo(pauseEnds.minus(CLOCK_GRAIN));
	}

	@Test
	void aLimitOneProcessLearntFromA429IsTheOthersToo() throws Exception {
		var time = FakeTime.autoAdvancing();
		var first = ProviderLimiter.builder("groq-learnt").sharedThrough(redis.budgets()).time(time, time).build();
		var second = ProviderLimiter.builder("groq-learnt").sharedThrough(redis.budgets()).time(time, time).build();
		for (int i = 0; i < 200; i++) {
			first.acquire(0).close();
		}

		first.rateLimited(Map.<String, String>of()::get);
		second.acquire(0).close();

		assertThat(first.learnedRequestsPerMinute()).isEqualTo(190);
		assertThat(second.learnedRequestsPerMinute()).isEqualTo(190);
	}

	@Test
	void tokensOneProcessGaveBackAreThereForTheOther() throws Exception {
		// why: 6,000 tokens a minute is 100 a second; the 2 s bucket holds 200
		var first = ProviderLimiter.builder("groq-tokens")
			.tokensPerMinute(6_000)
			.sharedThrough(redis.budgets())
			.build();
		var second = ProviderLimiter.builder("groq-tokens")
			.tokensPerMinute(6_000)
			.sharedThrough(redis.budgets())
			.build();

		try (var permit = first.acquire(200)) {
			permit.reportTokens(10);
		}
		RateBudget shared = redis.budgets().budget("groq-tokens", 0, 6_000, Instant.now());
		// why: asked of the shared budget, not timed: 150 are there at once only if the
		// 190 given back are (a slow machine only adds refill)
		assertThat(shared.take(150, Instant.now())).isZero();

		long started = System.nanoTime();
		second.acquire(200).close();
		var spent = Duration.ofNanos(System.nanoTime() - started);

		// why: 10 + 150 are spent, so 200 more need about 1.6 s of refill
		assertThat(spent).isGreaterThan(Duration.ofMillis(1_200));
	}

	@Test
	void withRedisGoneEachProcessKeepsToItsOwnBudget() throws Exception {
		try (var lonely = new EmbeddedRedis()) {
			var limiter = ProviderLimiter.builder("serper-down")
				.requestsPerMinute(600)
				.sharedThrough(lonely.budgets())
				.build();
			limiter.acquire(0).close();
			lonely.stop();

			long started = System.nanoTime();
			for (int i = 0; i < 30; i++) {
				limiter.acquire(0).close();
			}
			var took = Duration.ofNanos(System.nanoTime() - started);

			// why: the local bucket starts with 20 and refills 10 a second: 30 calls need
			// about 1 s, not a Redis timeout per call (the upper bound leaves a loaded
			// machine room and still tells the two apart)
			assertThat(took).isBetween(Duration.ofMillis(800), SharedLimitsConfig.REDIS_TIMEOUT.multipliedBy(30 / 4));
			lonely.start();
		}
	}

	/**
	 * Calls the limiter from {@code threads} callers for {@code window}; the future
	 * counts calls let through.
	 */
	private Future<Integer> callFor(ProviderLimiter limiter, Duration window, int threads) {
		List<Future<Integer>> counts = new ArrayList<>();
		long deadline = System.nanoTime() + window.toNanos();
		for (int t = 0; t < threads; t++) {
			counts.add(callers.submit(() -> {
				int calls = 0;
				while (true) {
					try (var permit = limiter.acquire(0)) {
						if (System.nanoTime() > deadline) {
							return calls;
						}
						calls++;
					}
				}
			}));
		}
		return callers.submit(() -> {
			int total = 0;
			for (var count : counts) {
				total += count.get(window.toSeconds() + 10, TimeUnit.SECONDS);
			}
			return total;
		});
	}

}
