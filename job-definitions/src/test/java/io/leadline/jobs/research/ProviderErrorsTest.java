package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How each provider failure, as it arrives on the wire, is classified. */
class ProviderErrorsTest {

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	@Test
	void serperRateLimitIsTransientWithTheRetryAfterSeconds() {
		providers.serper = query -> new MockResponse.Builder().code(429)
			.setHeader("Retry-After", "7")
			.body("{\"message\":\"Too many requests\",\"statusCode\":429}")
			.build();

		assertThatThrownBy(() -> providers.serperClient().search("acme.io"))
			.isInstanceOfSatisfying(TransientProviderException.class, e -> {
				assertThat(e.provider()).isEqualTo("serper");
				assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
				assertThat(e.getMessage()).isEqualTo("serper: rate limited (HTTP 429), retry after 7000ms");
			});
	}

	@Test
	void groqRateLimitWaitsForTheExhaustedTokenBudget() {
		providers.groq = call -> new MockResponse.Builder().code(429)
			.setHeader("x-ratelimit-remaining-requests", "14")
			.setHeader("x-ratelimit-reset-requests", "2m59.56s")
			.setHeader("x-ratelimit-remaining-tokens", "0")
			.setHeader("x-ratelimit-reset-tokens", "7.66s")
			.body("""
					{"error":{"message":"Rate limit reached for model `openai/gpt-oss-120b` in organization `org_01` \
					on tokens per minute (TPM): Limit 250000, Used 249800, Requested 1200. Please try again in 7.66s.",\
					"type":"tokens","code":"rate_limit_exceeded"}}""")
			.build();

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOfSatisfying(TransientProviderException.class, e -> {
				assertThat(e.provider()).isEqualTo("groq");
				assertThat(e.retryAfter()).contains(Duration.ofMillis(7660));
			});
	}

	@Test
	void rateLimitWithoutHintsIsTransientWithoutRetryAfter() {
		providers.serper = query -> ProviderWire.json(429, "{\"message\":\"Too many requests\"}");

		assertThatThrownBy(() -> providers.serperClient().search("acme.io"))
			.isInstanceOfSatisfying(TransientProviderException.class, e -> assertThat(e.retryAfter()).isEmpty());
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503, 504 })
	void serverErrorsAreTransient(int status) {
		providers.groq = call -> ProviderWire.json(status,
				"{\"error\":{\"message\":\"Service Unavailable\",\"type\":\"internal_server_error\"}}");

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOf(TransientProviderException.class)
			.hasMessage("groq: server error (HTTP %d)", status);
	}

	@Test
	void groqFlexCapacityExceededIsTransient() {
		providers.groq = call -> ProviderWire.json(498, """
				{"error":{"message":"Flex tier capacity exceeded. This is a temporary error due to high demand.",\
				"type":"capacity_exceeded","code":"capacity_exceeded"}}""");

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOf(TransientProviderException.class)
			.hasMessage("groq: server error (HTTP 498)");
	}

	@Test
	void aSlowBodyTimesOutAsTransient() {
		providers.serper = query -> new MockResponse.Builder(ProviderWire.companyResults(query))
			.bodyDelay(2, TimeUnit.SECONDS)
			.build();
		var settings = providers.settings(Duration.ofMillis(200));
		var client = new SerperClient(ProviderHttp.client(settings), settings);

		assertThatThrownBy(() -> client.search("acme.io")).isInstanceOfSatisfying(TransientProviderException.class,
				e -> {
					assertThat(e.provider()).isEqualTo("serper");
					assertThat(e.getMessage()).startsWith("serper: timed out");
					assertThat(e.getCause()).isInstanceOf(IOException.class);
				});
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void aRejectedKeyIsFatal(int status) {
		providers.serper = query -> ProviderWire.json(status,
				"{\"message\":\"Unauthorized.\",\"statusCode\":" + status + "}");

		assertThatThrownBy(() -> providers.serperClient().search("acme.io"))
			.isInstanceOfSatisfying(FatalProviderException.class, e -> {
				assertThat(e.provider()).isEqualTo("serper");
				assertThat(e.getMessage()).isEqualTo("serper: API key rejected (HTTP %d)".formatted(status));
			});
	}

	@Test
	void paymentRequiredIsFatal() {
		providers.groq = call -> ProviderWire.json(402, "{\"error\":{\"message\":\"Payment required\"}}");

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOf(FatalProviderException.class)
			.hasMessageStartingWith("groq: out of credits (HTTP 402)");
	}

	@Test
	void serperOutOfCreditsIsFatalThoughItComesAsABadRequest() {
		providers.serper = query -> ProviderWire.json(400, "{\"message\":\"Not enough credits\",\"statusCode\":400}");

		assertThatThrownBy(() -> providers.serperClient().search("acme.io")).isInstanceOf(FatalProviderException.class)
			.hasMessageStartingWith("serper: out of credits (HTTP 400)");
	}

	@Test
	void exhaustedQuotaIsFatalThoughItComesAsARateLimit() {
		providers.groq = call -> ProviderWire.json(429, """
				{"error":{"message":"You exceeded your current quota, please check your plan and billing details.",\
				"type":"insufficient_quota","code":"insufficient_quota"}}""");

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOf(FatalProviderException.class);
	}

	@Test
	void anyOtherClientErrorRejectsJustThisRequestNamingProviderStatusAndBody() {
		providers.groq = call -> ProviderWire.json(400, """
				{"error":{"message":"Please reduce the length of the messages or completion.",\
				"type":"invalid_request_error","param":"messages","code":"context_length_exceeded"}}""");

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOfSatisfying(RejectedRequestException.class, e -> {
				assertThat(e.status()).isEqualTo(400);
				assertThat(e.getMessage())
					.startsWith("groq: request rejected (HTTP 400): {\"error\":{\"message\":\"Please reduce")
					.doesNotContain("\n")
					.hasSizeLessThan(200);
			});
	}

	@Test
	void aMalformedBodyIsTransient() {
		providers.serper = query -> new MockResponse.Builder().code(200)
			.body("<html><body>502 Bad Gateway</body></html>")
			.build();

		assertThatThrownBy(() -> providers.serperClient().search("acme.io"))
			.isInstanceOf(TransientProviderException.class)
			.hasMessageStartingWith("serper: malformed response (not JSON: <html>");
	}

	@Test
	void aCompletionWithoutChoicesIsTransient() {
		providers.groq = call -> ProviderWire.json(200,
				"{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[]}");

		assertThatThrownBy(() -> providers.groqClient().complete(ChatRequest.text("s", "u")))
			.isInstanceOf(TransientProviderException.class)
			.hasMessageStartingWith("groq: malformed response");
	}

}
