package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.leadline.jobs.ratelimit.ProviderLimiter;
import java.time.Instant;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The clients feed what the providers say about their limits into the shared limiter. */
class RateLimitedClientsTest {

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	@Test
	void aRateLimitedCallPausesTheProviderForEveryCaller() {
		var limiter = ProviderLimiter.builder("serper").build();
		var client = new SerperClient(ProviderHttp.client(providers.settings()), providers.settings(), limiter);
		providers.serper = query -> new MockResponse.Builder().code(429).setHeader("Retry-After", "7").build();
		var before = Instant.now();

		assertThatThrownBy(() -> client.search("acme.io")).isInstanceOf(TransientProviderException.class);

		assertThat(limiter.pausedUntil())
			.hasValueSatisfying(until -> assertThat(until).isAfterOrEqualTo(before.plusSeconds(7))
				.isBefore(Instant.now().plusSeconds(8)));
	}

	@Test
	void anExhaustedBudgetPausesBeforeTheProviderRefuses() {
		var limiter = ProviderLimiter.builder("groq").build();
		var client = new GroqClient(ProviderHttp.client(providers.settings()), providers.settings(), limiter);
		providers.groq = call -> new MockResponse.Builder(ProviderWire.chatCompletion("ok"))
			.setHeader("x-ratelimit-remaining-tokens", "0")
			.setHeader("x-ratelimit-reset-tokens", "59s")
			.build();

		var completion = client.complete(ChatRequest.text("s", "u"));

		assertThat(completion.content()).isEqualTo("ok");
		assertThat(limiter.pausedUntil()).isPresent();
	}

	@Test
	void releasesTheInFlightSlotAfterEveryCallEvenAFailedOne() {
		var limiter = ProviderLimiter.builder("groq").maxInFlight(1).build();
		var client = new GroqClient(ProviderHttp.client(providers.settings()), providers.settings(), limiter);
		providers.groq = call -> ProviderWire.json(503, "{}");
		assertThatThrownBy(() -> client.complete(ChatRequest.text("s", "u")))
			.isInstanceOf(TransientProviderException.class);
		providers.groq = call -> ProviderWire.chatCompletion("ok");

		var completion = client.complete(ChatRequest.text("s", "u"));

		assertThat(completion.content()).isEqualTo("ok");
	}

	@Test
	void estimatesTokensFromTheMessagesPlusRoomForTheAnswer() {
		var request = ChatRequest.text("x".repeat(400), "y".repeat(400));

		assertThat(request.estimatedTokens()).isEqualTo(200 + ChatRequest.COMPLETION_ALLOWANCE);
	}

}
