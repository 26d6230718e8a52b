package io.leadline.jobs.research;

import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/** Builds the one HTTP client the provider clients share for a job run. */
public final class ProviderHttp {

	/**
	 * why: partitions x chunk threads put ~64 calls in flight, all to the same two hosts.
	 */
	static final int MAX_CONCURRENT_CALLS = 64;

	private ProviderHttp() {
	}

	/**
	 * A client with the settings' timeouts, a connection pool that keeps ~64 connections
	 * warm and a dispatcher that lets that many calls reach one host at once (OkHttp's
	 * default is 5).
	 */
	public static OkHttpClient client(ProviderSettings settings) {
		var dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS * 2);
		dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
		return new OkHttpClient.Builder().dispatcher(dispatcher)
			.connectionPool(new ConnectionPool(MAX_CONCURRENT_CALLS, 5, TimeUnit.MINUTES))
			.connectTimeout(settings.connectTimeout())
			.readTimeout(settings.readTimeout())
			.writeTimeout(settings.readTimeout())
			// why: a redirect would carry the API key (X-API-KEY, Authorization) to
			// another host; providers answer where they are called
			.followRedirects(false)
			.followSslRedirects(false)
			.build();
	}

}
