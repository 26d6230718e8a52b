package io.leadline.jobs.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * How long a rate-limited provider asked us to wait: {@code Retry-After} (seconds or an
 * HTTP-date), else Groq's {@code x-ratelimit-reset-requests}/{@code -tokens} ("2m59.56s",
 * "7.66s", "120ms").
 */
final class RetryAfter {

	private static final Pattern DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");

	private static final Pattern WHOLE_DURATION = Pattern.compile("(?:\\d+(?:\\.\\d+)?(?:ms|us|µs|ns|h|m|s))+");

	private RetryAfter() {
	}

	/**
	 * @param header looks a response header up by name, null when absent
	 */
	static Optional<Duration> from(Function<String, String> header, Instant now) {
		var retryAfter = retryAfterHeader(header.apply("Retry-After"), now);
		if (retryAfter.isPresent()) {
			return retryAfter;
		}
		var requests = goDuration(header.apply("x-ratelimit-reset-requests"));
		var tokens = goDuration(header.apply("x-ratelimit-reset-tokens"));
		// why: the exhausted budget decides; a reset of the other one would wait
		// needlessly long
		if (isZero(header.apply("x-ratelimit-remaining-tokens")) && tokens.isPresent()) {
			return tokens;
		}
		if (isZero(header.apply("x-ratelimit-remaining-requests")) && requests.isPresent()) {
			return requests;
		}
		// why: without remaining counts, the sooner reset is the cheaper guess; a wrong
		// guess only costs another 429
		if (requests.isPresent() && tokens.isPresent()) {
			return Optional.of(requests.get().compareTo(tokens.get()) <= 0 ? requests.get() : tokens.get());
		}
		return requests.isPresent() ? requests : tokens;
	}

	static Optional<Duration> retryAfterHeader(String value, Instant now) {
		if (value == null || value.isBlank()) {
			return Optional.empty();
		}
		var text = value.strip();
		if (text.chars().allMatch(Character::isDigit)) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
		}
		try {
			var at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}

	/**
	 * Parses Go-style durations as Groq sends them: "2m59.56s", "7.66s", "120ms", "1h2m".
	 */
	static Optional<Duration> goDuration(String value) {
		if (value == null || !WHOLE_DURATION.matcher(value.strip()).matches()) {
			return Optional.empty();
		}
		var nanos = 0.0;
		var parts = DURATION_PART.matcher(value.strip());
		while (parts.find()) {
			var amount = Double.parseDouble(parts.group(1));
			nanos += amount * switch (parts.group(2)) {
				case "h" -> 3_600e9;
				case "m" -> 60e9;
				case "s" -> 1e9;
				case "ms" -> 1e6;
				case "us", "µs" -> 1e3;
				default -> 1;
			};
		}
		return Optional.of(Duration.ofNanos(Math.round(nanos)));
	}

	private static boolean isZero(String remaining) {
		return remaining != null && remaining.strip().equals("0");
	}

}
