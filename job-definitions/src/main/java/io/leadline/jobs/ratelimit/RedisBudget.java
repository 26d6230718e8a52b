package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * One provider's budget in Redis, with this JVM's own budget to fall back on while Redis
 * is away.
 */
final class RedisBudget implements RateBudget {

	private static final Logger log = LoggerFactory.getLogger(RedisBudget.class);

	private final RedisBudgets redis;

	private final String provider;

	private volatile long requestsPerMinute;

	private final long tokensPerMinute;

	private final LocalBudget fallback;

	private volatile Instant unreachableUntil = Instant.MIN;

	RedisBudget(RedisBudgets redis, String provider, long requestsPerMinute, long tokensPerMinute,
			LocalBudget fallback) {
		this.redis = redis;
		this.provider = provider;
		this.requestsPerMinute = requestsPerMinute;
		this.tokensPerMinute = tokensPerMinute;
		this.fallback = fallback;
	}

	@Override
	public Duration take(long tokens, Instant now) {
		return shared(now, () -> run("take", tokens)).map(micros -> Duration.of(micros, ChronoUnit.MICROS))
			.orElseGet(() -> fallback.take(tokens, now));
	}

	@Override
	public void adjustTokens(long delta, Instant now) {
		// why: without a tokens-per-minute budget there is nothing to correct, so no
		// round trip to Redis
		if (tokensPerMinute > 0 && shared(now, () -> run("adjust", delta)).isEmpty()) {
			fallback.adjustTokens(delta, now);
		}
	}

	@Override
	public void tokensAtMost(long remaining, Instant now) {
		if (tokensPerMinute > 0 && shared(now, () -> run("at-most", remaining)).isEmpty()) {
			fallback.tokensAtMost(remaining, now);
		}
	}

	@Override
	public void pauseUntil(Instant until, Instant now) {
		// why: the local pause too, so a pause learnt just before Redis goes away still
		// holds here
		fallback.pauseUntil(until, now);
		var millis = Duration.between(now, until).toMillis();
		if (millis > 0) {
			shared(now, () -> run("pause", millis));
		}
	}

	@Override
	public void requestsPerMinute(long learned, Instant now) {
		requestsPerMinute = learned;
		fallback.requestsPerMinute(learned, now);
		shared(now, () -> {
			redis.learned(provider, learned);
			return 0L;
		});
	}

	@Override
	public OptionalLong learnedElsewhere(Instant now) {
		return shared(now, () -> redis.learned(provider)).filter(learned -> learned > 0)
			.map(OptionalLong::of)
			.orElse(OptionalLong.empty());
	}

	@Override
	public Optional<Instant> pausedUntil(Instant now) {
		return shared(now, () -> run("paused", 0)).filter(micros -> micros > 0)
			.map(micros -> now.plus(micros, ChronoUnit.MICROS))
			.or(() -> fallback.pausedUntil(now));
	}

	private long run(String operation, long amount) {
		return redis.run(provider, operation, requestsPerMinute, tokensPerMinute, amount);
	}

	/** The script's answer, or empty while Redis is unreachable. */
	private Optional<Long> shared(Instant now, LongSupplier call) {
		if (unreachableUntil.isAfter(now)) {
			return Optional.empty();
		}
		try {
			var answer = call.getAsLong();
			if (unreachableUntil != Instant.MIN) {
				unreachableUntil = Instant.MIN;
				log.info("Redis is back: {} calls share one budget again", provider);
			}
			return Optional.of(answer);
		}
		catch (DataAccessException e) {
			if (unreachableUntil == Instant.MIN) {
				log.warn("Redis unreachable ({}): {} calls are limited by this process alone until it is back",
						e.getMessage(), provider);
			}
			unreachableUntil = now.plus(RedisBudgets.RECONNECT_AFTER);
			return Optional.empty();
		}
	}

}
