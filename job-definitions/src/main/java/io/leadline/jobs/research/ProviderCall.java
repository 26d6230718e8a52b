package io.leadline.jobs.research;

import io.leadline.jobs.ratelimit.ProviderLimiter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One JSON-over-HTTP exchange with a provider, failures already classified by
 * {@link ProviderErrors}.
 */
final class ProviderCall {

	/** What came back: status, body text and, for 2xx, the parsed JSON. */
	record Reply(int status, String body, JsonNode json, Headers headers) {
	}

	/**
	 * Decides whether a non-2xx reply is handled by the caller instead of being
	 * classified.
	 */
	interface Exemption {

		boolean handles(int status, String body);

	}

	/** Far above any real search result or completion (kilobytes). */
	static final long MAX_REPLY_BYTES = 2L * 1024 * 1024;

	private final OkHttpClient http;

	private final ProviderLimiter limiter;

	private final ProviderErrors errors;

	ProviderCall(OkHttpClient http, ProviderLimiter limiter) {
		this.http = Objects.requireNonNull(http, "http");
		this.limiter = Objects.requireNonNull(limiter, "limiter");
		this.errors = new ProviderErrors(limiter);
	}

	/**
	 * Waits for the provider's rate limits; the permit frees the in-flight slot when
	 * closed.
	 */
	ProviderLimiter.Permit permit(String provider, long estimatedTokens) {
		try {
			return limiter.acquire(estimatedTokens);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TransientProviderException(provider, "interrupted while waiting for the rate limit", null, e);
		}
	}

	JsonNode postJson(String provider, Request request) {
		return post(provider, request, (status, body) -> false).json();
	}

	Reply post(String provider, Request request, Exemption exemption) {
		try (var response = http.newCall(request).execute()) {
			limiter.observe(response::header);
			var body = boundedBody(provider, response);
			if (!response.isSuccessful()) {
				if (exemption.handles(response.code(), body)) {
					return new Reply(response.code(), body, null, response.headers());
				}
				throw errors.forStatus(provider, response, body);
			}
			return new Reply(response.code(), body, parse(provider, body), response.headers());
		}
		catch (IOException e) {
			throw errors.forIo(provider, e);
		}
	}

	/**
	 * Streams the body of a 2xx reply to {@code out}, refused beyond {@code maxBytes}: a
	 * batch's output file can be hundreds of megabytes and must not sit in the heap, and
	 * a host that sends without end must not fill the disk either.
	 * @return the bytes written
	 * @throws TransientProviderException when the body is larger than {@code maxBytes}
	 * (some of it may have been written to {@code out}: discard it)
	 */
	long download(String provider, Request request, OutputStream out, long maxBytes) {
		try (var response = http.newCall(request).execute()) {
			limiter.observe(response::header);
			if (!response.isSuccessful()) {
				throw errors.forStatus(provider, response, boundedBody(provider, response));
			}
			var body = response.body();
			if (body.contentLength() > maxBytes) {
				throw tooLarge(provider, maxBytes);
			}
			var source = body.source();
			var buffer = new byte[64 * 1024];
			long written = 0;
			for (int read; (read = source.read(buffer)) != -1;) {
				written += read;
				if (written > maxBytes) {
					throw tooLarge(provider, maxBytes);
				}
				out.write(buffer, 0, read);
			}
			return written;
		}
		catch (IOException e) {
			throw errors.forIo(provider, e);
		}
	}

	private TransientProviderException tooLarge(String provider, long maxBytes) {
		return errors.malformed(provider, "the file is larger than %,d bytes".formatted(maxBytes), null);
	}

	/**
	 * The reply's text, refused beyond {@link #MAX_REPLY_BYTES} without reading further:
	 * a search result or a completion is kilobytes, and a host that streams without end
	 * must not fill the heap of the JVM that runs every job.
	 */
	private String boundedBody(String provider, Response response) throws IOException {
		var body = response.body();
		var source = body.source();
		if (body.contentLength() > MAX_REPLY_BYTES || source.request(MAX_REPLY_BYTES + 1)) {
			throw errors.malformed(provider, "the reply is larger than %,d bytes".formatted(MAX_REPLY_BYTES), null);
		}
		var type = body.contentType();
		return source.readString(type == null ? StandardCharsets.UTF_8 : type.charset(StandardCharsets.UTF_8));
	}

	TransientProviderException malformed(String provider, String detail) {
		return errors.malformed(provider, detail, null);
	}

	private JsonNode parse(String provider, String body) {
		try {
			var json = JsonMapper.shared().readTree(body);
			if (json == null || !json.isObject()) {
				throw errors.malformed(provider, "expected a JSON object, got: " + body, null);
			}
			return json;
		}
		catch (JacksonException e) {
			throw errors.malformed(provider, "not JSON: " + body, e);
		}
	}

}
