package io.leadline.jobs.research;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Provider calls through the {@link ResponseCache}: an answer found there costs no call
 * and counts as a cache hit. The key covers what changes an answer: the query for Serper;
 * model, prompt version and the whole request for Groq.
 */
final class CachedCalls {

	/** An answer and whether the cache gave it. */
	record Answer<T>(T value, boolean cached) {

		ProviderUsage usage(ProviderUsage called) {
			return cached ? ProviderUsage.cacheHit() : called;
		}
	}

	private static final JsonMapper JSON = JsonMapper.shared();

	private final SerperClient serper;

	private final GroqClient groq;

	private final ResponseCache cache;

	private final String model;

	CachedCalls(SerperClient serper, GroqClient groq, ResponseCache cache, String model) {
		this.serper = serper;
		this.groq = groq;
		this.cache = cache;
		this.model = model;
	}

	Answer<SearchResults> search(String query) {
		String key = key("serper|" + query);
		Optional<String> cached = cache.get(key);
		if (cached.isPresent()) {
			return new Answer<>(JSON.readValue(cached.get(), SearchResults.class), true);
		}
		SearchResults results = serper.search(query);
		cache.put(key, "serper", JSON.writeValueAsString(results));
		return new Answer<>(results, false);
	}

	Answer<ChatCompletion> complete(ChatRequest request) {
		String key = completionKey(request);
		Optional<String> cached = cache.get(key);
		if (cached.isPresent()) {
			return new Answer<>(JSON.readValue(cached.get(), ChatCompletion.class), true);
		}
		ChatCompletion completion = groq.complete(request);
		cache.put(key, "groq", JSON.writeValueAsString(completion));
		return new Answer<>(completion, false);
	}

	/** The cached answer to {@code request}, if any: a batch sends only the others. */
	Optional<ChatCompletion> cached(ChatRequest request) {
		return cache.get(completionKey(request)).map(json -> JSON.readValue(json, ChatCompletion.class));
	}

	/** Keeps a batch's answer, so a later run (live or batch) reuses it. */
	void remember(ChatRequest request, ChatCompletion completion) {
		cache.put(completionKey(request), "groq", JSON.writeValueAsString(completion));
	}

	private String completionKey(ChatRequest request) {
		return key("groq|" + model + "|" + Prompts.PROMPT_VERSION + "|" + JSON.writeValueAsString(request));
	}

	private static String key(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every JVM has SHA-256", e);
		}
	}

}
