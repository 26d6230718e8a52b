package io.leadline.jobs.research;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The company-level search, made once per domain per job: rows of the same company share
 * the result, and rows arriving while it is still in flight wait for the same call.
 * Bounded, least recently used out; a failed search is forgotten so the row's retry
 * searches again.
 */
final class DomainSearches {

	static final int DEFAULT_CAPACITY = 10_000;

	/** The shared search and whether it came from the cache (another row started it). */
	record Lookup(CompletableFuture<CachedCalls.Answer<SearchResults>> results, boolean hit) {
	}

	private final Map<String, CompletableFuture<CachedCalls.Answer<SearchResults>>> byDomain;

	DomainSearches(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
		}
		this.byDomain = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(
					Map.Entry<String, CompletableFuture<CachedCalls.Answer<SearchResults>>> eldest) {
				return size() > capacity;
			}
		};
	}

	Lookup lookup(String domain, Supplier<CompletableFuture<CachedCalls.Answer<SearchResults>>> search) {
		var key = domain.toLowerCase();
		CompletableFuture<CachedCalls.Answer<SearchResults>> shared;
		var placeholder = new CompletableFuture<CachedCalls.Answer<SearchResults>>();
		synchronized (byDomain) {
			shared = byDomain.putIfAbsent(key, placeholder);
		}
		if (shared != null) {
			return new Lookup(shared, true);
		}
		// why: started outside the lock so a slow executor never holds up lookups of
		// other domains
		CompletableFuture<CachedCalls.Answer<SearchResults>> started;
		try {
			started = search.get();
		}
		catch (RuntimeException e) {
			started = CompletableFuture.failedFuture(e);
		}
		started.whenComplete((results, failure) -> {
			if (failure != null) {
				forget(key, placeholder);
				placeholder.completeExceptionally(failure);
			}
			else {
				placeholder.complete(results);
			}
		});
		return new Lookup(placeholder, false);
	}

	int size() {
		synchronized (byDomain) {
			return byDomain.size();
		}
	}

	private void forget(String key, CompletableFuture<CachedCalls.Answer<SearchResults>> failed) {
		synchronized (byDomain) {
			byDomain.remove(key, failed);
		}
	}

}
