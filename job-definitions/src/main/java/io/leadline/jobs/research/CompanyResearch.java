package io.leadline.jobs.research;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * A company's research, done once per company per job and shared by all its contacts: the
 * company search and the model's summary of it. Contacts arriving while it is in flight
 * wait for the same one. Bounded, least recently used out; a failed one is forgotten so
 * the row's retry researches again.
 */
final class CompanyResearch {

	static final int DEFAULT_CAPACITY = 10_000;

	/**
	 * The shared outcome: the summary, the search's links and snippets (so a person
	 * prompt can leave out what the company search already found), and what it cost.
	 */
	record Summary(Research.Company company, Set<String> searched, ProviderUsage usage) {
	}

	/** The shared research and whether another row started it. */
	record Lookup(CompletableFuture<Summary> summary, boolean shared) {
	}

	private final Map<String, CompletableFuture<Summary>> byCompany;

	CompanyResearch(int capacity) {
		if (capacity < 1) {
			throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
		}
		this.byCompany = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<Summary>> eldest) {
				return size() > capacity;
			}
		};
	}

	/**
	 * @param scope the job, so two jobs never share (their rows may be years apart)
	 * @param companyKey the company's normalized domain or name
	 * ({@link Prospect#companyKey})
	 */
	Lookup lookup(String scope, String companyKey, Supplier<CompletableFuture<Summary>> research) {
		var key = scope + "\n" + companyKey;
		CompletableFuture<Summary> shared;
		var placeholder = new CompletableFuture<Summary>();
		synchronized (byCompany) {
			shared = byCompany.putIfAbsent(key, placeholder);
		}
		if (shared != null) {
			return new Lookup(shared, true);
		}
		// why: started outside the lock so a slow executor never holds up lookups of
		// other companies
		CompletableFuture<Summary> started;
		try {
			started = research.get();
		}
		catch (RuntimeException e) {
			started = CompletableFuture.failedFuture(e);
		}
		started.whenComplete((summary, failure) -> {
			if (failure != null) {
				forget(key, placeholder);
				placeholder.completeExceptionally(failure);
			}
			else {
				placeholder.complete(summary);
			}
		});
		return new Lookup(placeholder, false);
	}

	int size() {
		synchronized (byCompany) {
			return byCompany.size();
		}
	}

	private void forget(String key, CompletableFuture<Summary> failed) {
		synchronized (byCompany) {
			byCompany.remove(key, failed);
		}
	}

}
