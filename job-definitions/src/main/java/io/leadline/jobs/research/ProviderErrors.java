package io.leadline.jobs.research;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.regex.Pattern;
import io.leadline.jobs.ratelimit.ProviderLimiter;
import okhttp3.Response;

/**
 * Sorts a provider's failure into what the job does about it: retry the row (transient),
 * stop the job (fatal: bad key, no credits) or fail just this row (any other 4xx).
 */
final class ProviderErrors {

	/** Groq: "flex tier capacity exceeded", a 5xx in all but number. */
	static final int GROQ_CAPACITY_EXCEEDED = 498;

	private static final int EXCERPT = 120;

	private static final Pattern OUT_OF_CREDITS = Pattern.compile(
			"(?i)(not enough|insufficient|out of|no remaining|exhausted|exceeded your current)\\W+(\\w+\\W+){0,2}(credits?|quota)"
					+ "|(credits?|quota)\\W+(\\w+\\W+){0,3}(exhausted|exceeded|depleted|used up)");

	private final ProviderLimiter limiter;

	ProviderErrors(ProviderLimiter limiter) {
		this.limiter = limiter;
	}

	/** The exception for a non-2xx response whose body has been read. */
	RuntimeException forStatus(String provider, Response response, String body) {
		var status = response.code();
		if (status == 401 || status == 403) {
			return new FatalProviderException(provider, "API key rejected (HTTP %d)".formatted(status));
		}
		// why: Serper says "Not enough credits" with a 400, OpenAI-style APIs "exceeded
		// your current quota" with a 429
		if (status == 402 || (status >= 400 && status < 500 && OUT_OF_CREDITS.matcher(body).find())) {
			return new FatalProviderException(provider,
					"out of credits (HTTP %d): %s".formatted(status, OneLine.excerpt(body, EXCERPT)));
		}
		if (status == 429) {
			// why: the limiter pauses this provider for every caller, so the row's retry
			// queues behind the pause
			var retryAfter = limiter.rateLimited(response::header).orElse(null);
			return new TransientProviderException(provider,
					"rate limited (HTTP 429)"
							+ (retryAfter == null ? "" : ", retry after " + retryAfter.toMillis() + "ms"),
					retryAfter, null);
		}
		if (status >= 500 || status == GROQ_CAPACITY_EXCEEDED) {
			return new TransientProviderException(provider, "server error (HTTP %d)".formatted(status));
		}
		return new RejectedRequestException(provider, status, OneLine.excerpt(body, EXCERPT));
	}

	TransientProviderException forIo(String provider, IOException e) {
		if (e instanceof SocketTimeoutException || e instanceof InterruptedIOException) {
			return new TransientProviderException(provider, "timed out (" + OneLine.excerpt(e.getMessage(), 60) + ")",
					null, e);
		}
		return new TransientProviderException(provider,
				"connection failed (" + OneLine.excerpt(String.valueOf(e.getMessage()), 80) + ")", null, e);
	}

	TransientProviderException malformed(String provider, String detail, Throwable cause) {
		return new TransientProviderException(provider, "malformed response (" + OneLine.excerpt(detail, EXCERPT) + ")",
				null, cause);
	}

}
