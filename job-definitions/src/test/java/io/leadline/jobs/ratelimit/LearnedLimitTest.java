package io.leadline.jobs.ratelimit;

import static io.leadline.jobs.ratelimit.FakeTime.START;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

/**
 * A provider enforcing 300 requests per sliding minute, with no limit configured in
 * Leadline: the limiter learns it from the 429s. Runs in virtual time (a caller that
 * would send 6,400 requests a minute, 20 minutes in a few hundred milliseconds), so it
 * checks the policy, not the machine's speed; {@code bench/learned-limits.sh} runs the
 * same against a real HTTP simulator.
 */
class LearnedLimitTest {

	private static final int PROVIDER_RPM = 300;

	private static final Duration CALLER_GAP = Duration.ofNanos(9_375_000);

	@Test
	void learnsAProvidersLimitFromItsRefusalsAndKeepsUsingMostOfIt() throws InterruptedException {
		var time = FakeTime.autoAdvancing();
		var limiter = ProviderLimiter.builder("groq").time(time, time).build();
		var provider = new SlidingMinuteProvider(PROVIDER_RPM);

		var minutes = run(limiter, provider, time, 20);

		var afterFirst = minutes.subList(1, minutes.size());
		long calls = afterFirst.stream().mapToLong(Minute::calls).sum();
		long refused = afterFirst.stream().mapToLong(Minute::refused).sum();
		assertThat(minutes.get(0).refused()).as("the first minute meets the limit").isPositive();
		assertThat((double) refused / calls).as("share of calls refused after the first minute").isLessThan(0.01);
		assertThat(afterFirst).allSatisfy(minute -> assertThat((double) minute.admitted() / PROVIDER_RPM)
			.as("budget used in minute %d", minutes.indexOf(minute))
			.isGreaterThanOrEqualTo(0.9));
		assertThat(limiter.learnedRequestsPerMinute()).isBetween(270L, 310L);
	}

	@Test
	void learnsNothingWhenALimitIsConfigured() throws InterruptedException {
		var time = FakeTime.autoAdvancing();
		var limiter = ProviderLimiter.builder("groq").requestsPerMinute(250).time(time, time).build();

		var minutes = run(limiter, new SlidingMinuteProvider(PROVIDER_RPM), time, 3);

		assertThat(limiter.learnedRequestsPerMinute()).isZero();
		assertThat(minutes).allSatisfy(minute -> assertThat(minute.refused()).isZero());
	}

	private static List<Minute> run(ProviderLimiter limiter, SlidingMinuteProvider provider, FakeTime time, int minutes)
			throws InterruptedException {
		var counts = new ArrayList<long[]>();
		var end = START.plus(Duration.ofMinutes(minutes));
		while (time.instant().isBefore(end)) {
			try (var permit = limiter.acquire(0)) {
				var now = time.instant();
				var minute = (int) Duration.between(START, now).toMinutes();
				while (counts.size() <= minute) {
					counts.add(new long[2]);
				}
				var retryAfter = provider.admit(now);
				if (retryAfter.isPresent()) {
					counts.get(minute)[1]++;
					limiter.rateLimited(name -> name.equalsIgnoreCase("Retry-After")
							? Long.toString(retryAfter.getAsLong()) : null);
				}
				else {
					counts.get(minute)[0]++;
				}
			}
			time.advance(CALLER_GAP);
		}
		return counts.subList(0, minutes).stream().map(c -> new Minute(c[0], c[1])).toList();
	}

	record Minute(long admitted, long refused) {
		long calls() {
			return admitted + refused;
		}
	}

	/** Counts like a provider: requests admitted within the last 60 s. */
	static final class SlidingMinuteProvider {

		private final int limit;

		private final ArrayDeque<Instant> window = new ArrayDeque<>();

		SlidingMinuteProvider(int limit) {
			this.limit = limit;
		}

		/** Empty when admitted, else the Retry-After seconds. */
		OptionalLong admit(Instant now) {
			while (!window.isEmpty() && !window.peekFirst().isAfter(now.minus(Duration.ofMinutes(1)))) {
				window.pollFirst();
			}
			if (window.size() >= limit) {
				var free = Duration.between(now, window.peekFirst().plus(Duration.ofMinutes(1)));
				return OptionalLong.of(Math.max(1, (free.toMillis() + 999) / 1000));
			}
			window.addLast(now);
			return OptionalLong.empty();
		}

	}

}
