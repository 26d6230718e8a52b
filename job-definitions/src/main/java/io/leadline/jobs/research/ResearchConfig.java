package io.leadline.jobs.research;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.okhttp3.OkHttpMetricsEventListener;
import okhttp3.OkHttpClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.leadline.jobs.ratelimit.ProviderLimiter;
import io.leadline.jobs.ratelimit.RedisBudgets;

/**
 * The provider clients, one set per JVM: every partition of every job shares the same
 * limiters, so together they stay within the provider's budget. Keys, endpoints, model
 * and timeouts are {@link ProviderSettings}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ResearchProperties.class, ProviderSettings.class, BatchProperties.class })
public class ResearchConfig {

	/**
	 * With a meter registry (the server), every provider call is timed as
	 * {@code leadline.provider.requests} tagged by host, path and status, so latency and
	 * 429s show.
	 */
	@Bean(destroyMethod = "")
	OkHttpClient providerHttpClient(ProviderSettings settings, ObjectProvider<MeterRegistry> meters) {
		OkHttpClient client = ProviderHttp.client(settings);
		MeterRegistry registry = meters.getIfAvailable();
		if (registry == null) {
			return client;
		}
		return client.newBuilder()
			.eventListener(OkHttpMetricsEventListener.builder(registry, "leadline.provider.requests")
				.uriMapper(request -> request.url().encodedPath())
				.build())
			.build();
	}

	/**
	 * With a {@link RedisBudgets} (LEADLINE_REDIS_URL), every JVM draws from one budget
	 * per provider.
	 */
	@Bean
	ProviderLimiter serperLimiter(ResearchProperties properties, ObjectProvider<RedisBudgets> shared) {
		return limiter(SerperClient.PROVIDER, properties, shared).requestsPerMinute(properties.serperRpm()).build();
	}

	@Bean
	ProviderLimiter groqLimiter(ResearchProperties properties, ObjectProvider<RedisBudgets> shared) {
		return limiter(GroqClient.PROVIDER, properties, shared).requestsPerMinute(properties.groqRpm())
			.tokensPerMinute(properties.groqTpm())
			.build();
	}

	private static ProviderLimiter.Builder limiter(String provider, ResearchProperties properties,
			ObjectProvider<RedisBudgets> shared) {
		var builder = ProviderLimiter.builder(provider).maxInFlight(properties.maxInFlight());
		shared.ifAvailable(builder::sharedThrough);
		return builder;
	}

	@Bean
	ResponseCache responseCache(ResearchProperties properties, JdbcTemplate jdbc) {
		return properties.cache() ? new JdbcResponseCache(jdbc, properties.cacheTtl(), Clock.systemUTC())
				: ResponseCache.NONE;
	}

	@Bean
	ProspectResearcher prospectResearcher(OkHttpClient providerHttpClient, ProviderSettings settings,
			ProviderLimiter serperLimiter, ProviderLimiter groqLimiter, ResponseCache responseCache) {
		return new ProspectResearcher(new SerperClient(providerHttpClient, settings, serperLimiter),
				new GroqClient(providerHttpClient, settings, groqLimiter), responseCache, settings.groqModel());
	}

	/** Batch mode: the same clients, the Batch API beside them. */
	@Bean(destroyMethod = "close")
	BatchResearch batchResearch(OkHttpClient providerHttpClient, ProviderSettings settings,
			ProviderLimiter serperLimiter, ProviderLimiter groqLimiter, ResponseCache responseCache,
			BatchProperties batch, ResearchProperties research) {
		return new BatchResearch(new SerperClient(providerHttpClient, settings, serperLimiter),
				new GroqClient(providerHttpClient, settings, groqLimiter),
				new GroqBatches(providerHttpClient, settings), responseCache, settings, batch, Clock.systemUTC(),
				research.concurrency());
	}

	@Bean
	ProviderPrices providerPrices(ResearchProperties properties) {
		return properties.prices();
	}

}
