package io.leadline.jobs.ratelimit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import redis.embedded.RedisServer;

/**
 * A real Redis server (the binary embedded-redis ships) on a free loopback port, for one
 * test class.
 */
public final class EmbeddedRedis implements AutoCloseable {

	private final int port;

	private final RedisServer server;

	private final List<LettuceConnectionFactory> connections = new CopyOnWriteArrayList<>();

	public EmbeddedRedis() throws IOException {
		try (var socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		// why: nothing here must outlive the test, so no snapshots or append-only files
		// on disk
		server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		server.start();
	}

	public String url() {
		return "redis://127.0.0.1:" + port;
	}

	/** Budgets as one more JVM would see them: its own connection to this server. */
	public RedisBudgets budgets() {
		var factory = new SharedLimitsConfig().rateLimitRedis(new SharedLimitsProperties(url()));
		factory.afterPropertiesSet();
		factory.start();
		connections.add(factory);
		return new RedisBudgets(new StringRedisTemplate(factory));
	}

	public void stop() throws IOException {
		server.stop();
	}

	public void start() throws IOException {
		server.start();
	}

	@Override
	public void close() throws IOException {
		connections.forEach(LettuceConnectionFactory::destroy);
		stop();
	}

}
