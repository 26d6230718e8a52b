package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Keeps each provider's budgets and pauses in Redis, so every JVM calling a provider
 * draws from one budget: two app instances at 600 RPM each still send 600 requests a
 * minute together, and a 429 seen by one pauses all. Pass it to
 * {@link ProviderLimiter.Builder#sharedThrough}.
 *
 * <p>
 * When Redis cannot be reached, a limiter falls back to its own JVM's budget (logged) and
 * asks Redis again after {@link #RECONNECT_AFTER}: rows keep moving at no more than one
 * JVM's limit, and the provider's own 429s still pause the caller.
 */
public final class RedisBudgets {

	static final Duration RECONNECT_AFTER = Duration.ofSeconds(5);

	private static final String KEY_PREFIX = "leadline:ratelimit:";

	static final Duration LEARNED_FOR = Duration.ofMinutes(10);

	private final StringRedisTemplate redis;

	private final RedisScript<Long> script;

	public RedisBudgets(StringRedisTemplate redis) {
		this.redis = Objects.requireNonNull(redis, "redis");
		this.script = RedisScript.of(new ClassPathResource("shared-budget.lua", RedisBudgets.class), Long.class);
	}

	RateBudget budget(String provider, long requestsPerMinute, long tokensPerMinute, Instant now) {
		return new RedisBudget(this, provider, requestsPerMinute, tokensPerMinute,
				new LocalBudget(requestsPerMinute, tokensPerMinute, now));
	}

	/**
	 * Publishes a requests-per-minute limit learnt from the provider's 429s; it lapses
	 * after {@link #LEARNED_FOR} without news, so a limit raised by the provider is found
	 * again.
	 */
	void learned(String provider, long requestsPerMinute) {
		redis.opsForValue().set(learnedKey(provider), Long.toString(requestsPerMinute), LEARNED_FOR);
	}

	/** The learnt limit, or 0 when none is known. */
	long learned(String provider) {
		var value = redis.opsForValue().get(learnedKey(provider));
		return value == null ? 0 : Long.parseLong(value);
	}

	private static String learnedKey(String provider) {
		return KEY_PREFIX + "{" + provider + "}:learned-rpm";
	}

	/**
	 * Runs one operation of the shared budget script; microseconds as the script returns
	 * them.
	 */
	long run(String provider, String operation, long requestsPerMinute, long tokensPerMinute, long amount) {
		// why: the {provider} hash tag keeps one provider's keys in one slot, which a
		// script on Redis Cluster needs
		var prefix = KEY_PREFIX + "{" + provider + "}:";
		Long result = redis.execute(script, List.of(prefix + "requests", prefix + "tokens", prefix + "paused"),
				operation, Long.toString(requestsPerMinute), Long.toString(tokensPerMinute),
				Long.toString(TokenBucket.BURST.toNanos() / 1_000), Long.toString(amount));
		return result == null ? 0 : result;
	}

}
