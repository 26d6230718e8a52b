package io.leadline.jobs.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryAfterTest {

	private static final Instant NOW = Instant.parse("2026-01-15T10:00:00Z");

	@ParameterizedTest
	@CsvSource({ "2m59.56s,179560", "7.66s,7660", "120ms,120", "1h0m1s,3601000", "0s,0" })
	void readsGoDurationsAsGroqSendsThem(String header, long millis) {
		assertThat(RetryAfter.goDuration(header)).contains(Duration.ofMillis(millis));
	}

	@Test
	void ignoresDurationsItCannotRead() {
		assertThat(RetryAfter.goDuration("soon")).isEmpty();
		assertThat(RetryAfter.goDuration("7.66")).isEmpty();
	}

	@Test
	void readsRetryAfterAsAnHttpDate() {
		assertThat(RetryAfter.retryAfterHeader("Thu, 15 Jan 2026 10:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
	}

	@Test
	void aRetryAfterDateInThePastMeansNow() {
		assertThat(RetryAfter.retryAfterHeader("Thu, 15 Jan 2026 09:00:00 GMT", NOW)).contains(Duration.ZERO);
	}

	@Test
	void prefersRetryAfterOverGroqResetHeaders() {
		var headers = Map.of("Retry-After", "3", "x-ratelimit-reset-tokens", "7.66s");

		assertThat(RetryAfter.from(headers::get, NOW)).contains(Duration.ofSeconds(3));
	}

	@Test
	void waitsForTheRequestBudgetWhenThatIsTheExhaustedOne() {
		var headers = Map.of("x-ratelimit-remaining-requests", "0", "x-ratelimit-reset-requests", "2m59.56s",
				"x-ratelimit-remaining-tokens", "5000", "x-ratelimit-reset-tokens", "7.66s");

		assertThat(RetryAfter.from(headers::get, NOW)).contains(Duration.ofMillis(179_560));
	}

	@Test
	void guessesTheSoonerResetWhenRemainingCountsAreMissing() {
		var headers = Map.of("x-ratelimit-reset-requests", "2m59.56s", "x-ratelimit-reset-tokens", "7.66s");

		assertThat(RetryAfter.from(headers::get, NOW)).contains(Duration.ofMillis(7660));
	}

	@Test
	void isEmptyWithoutAnyHint() {
		assertThat(RetryAfter.from(name -> null, NOW)).isEmpty();
	}

}
