package io.leadline.jobs.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;

import io.lettuce.core.RedisURI;

/**
 * The Redis that provider limiters of every JVM share.
 *
 * @param url {@code LEADLINE_REDIS_URL}: {@code redis://[:password@]host:6379[/db]}, or
 * {@code rediss://} for TLS; unset (or blank) keeps each JVM's budget its own.
 * {@link #toString()} masks the password.
 */
@ConfigurationProperties("leadline.redis")
public record SharedLimitsProperties(String url) {

	public SharedLimitsProperties {
		url = url == null || url.isBlank() ? null : url.strip();
		if (url != null) {
			// why: a malformed URL is a start-up error naming the setting, not a failure
			// of
			// the first provider call
			// (the parser's message and cause are left out: they may carry the password)
			try {
				RedisURI.create(url);
			}
			catch (IllegalArgumentException e) {
				throw new IllegalArgumentException(
						"leadline.redis.url is not a Redis URL (redis://[:password@]host:port[/db])");
			}
		}
	}

	RedisURI uri() {
		return RedisURI.create(url);
	}

	@Override
	public String toString() {
		return "SharedLimitsProperties[url=%s]".formatted(url == null ? "<not set>" : masked(url));
	}

	/** The URL with its user info (the password) hidden. */
	private static String masked(String url) {
		int scheme = url.indexOf("://");
		int at = url.lastIndexOf('@');
		return scheme >= 0 && at > scheme ? url.substring(0, scheme + 3) + "****@" + url.substring(at + 1) : url;
	}

}
