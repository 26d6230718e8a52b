package io.leadline.jobs.ratelimit;

import java.time.Duration;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * With {@code LEADLINE_REDIS_URL} set ({@code redis://[:password@]host:6379[/db]}, or
 * {@code rediss://} for TLS), every JVM's provider limiters share their budgets through
 * that Redis. Without it, each JVM keeps its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${leadline.redis.url:}'.isBlank()")
@EnableConfigurationProperties(SharedLimitsProperties.class)
class SharedLimitsConfig {

	/**
	 * why: a limiter asks Redis before every provider call, so an unreachable Redis must
	 * fail in seconds (then the limiter falls back to this JVM's budget), not queue
	 * commands for a minute
	 */
	static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

	@Bean
	LettuceConnectionFactory rateLimitRedis(SharedLimitsProperties properties) {
		RedisURI uri = properties.uri();
		var client = LettuceClientConfiguration.builder()
			.apply(uri)
			.commandTimeout(REDIS_TIMEOUT)
			.clientOptions(ClientOptions.builder()
				.socketOptions(SocketOptions.builder().connectTimeout(REDIS_TIMEOUT).build())
				.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
				.build())
			.build();
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
	}

	@Bean
	RedisBudgets redisBudgets(LettuceConnectionFactory rateLimitRedis) {
		return new RedisBudgets(new StringRedisTemplate(rateLimitRedis));
	}

}
