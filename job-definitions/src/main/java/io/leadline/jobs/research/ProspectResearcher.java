package io.leadline.jobs.research;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Researches one prospect and writes the opener: two Serper searches ({@code "{user}
 * {domain}"} and, once per company per job, {@code "{domain}"}) in parallel, a Groq
 * synthesis to validated research JSON, then a Groq opener checked against
 * {@link OpenerRules}. Each model step gets one corrective retry. Thread-safe: one
 * instance serves every row of a job concurrently.
 *
 * <pre>{@code
 * var http = ProviderHttp.client(settings);
 * try (var researcher = new ProspectResearcher(new SerperClient(http, settings), new GroqClient(http, settings))) {
 *   ProspectResult result = researcher.research("ann@acme.io", ServiceContext.defaults());
 * }
 * }</pre>
 */
public final class ProspectResearcher implements AutoCloseable {

	static final String RESEARCH_INVALID_TWICE = "research: model returned invalid JSON twice";

	private final CachedCalls calls;

	private final DomainSearches domains;

	private final ExecutorService searches;

	public ProspectResearcher(SerperClient serper, GroqClient groq) {
		this(serper, groq, ResponseCache.NONE, "", DomainSearches.DEFAULT_CAPACITY);
	}

	/** A researcher whose answers are kept in {@code cache}, keyed with {@code model}. */
	public ProspectResearcher(SerperClient serper, GroqClient groq, ResponseCache cache, String model) {
		this(serper, groq, cache, model, DomainSearches.DEFAULT_CAPACITY);
	}

	ProspectResearcher(SerperClient serper, GroqClient groq, int domainCacheCapacity) {
		this(serper, groq, ResponseCache.NONE, "", domainCacheCapacity);
	}

	private ProspectResearcher(SerperClient serper, GroqClient groq, ResponseCache cache, String model,
			int domainCacheCapacity) {
		this.calls = new CachedCalls(Objects.requireNonNull(serper, "serper"), Objects.requireNonNull(groq, "groq"),
				Objects.requireNonNull(cache, "cache"), model);
		this.domains = new DomainSearches(domainCacheCapacity);
		// why: one extra thread per row in flight, idle ones die after a minute; daemon
		// so a forgotten close() never pins the JVM
		this.searches = Executors.newCachedThreadPool(daemonThreads());
	}

	/**
	 * @return OK with research and opener, or FAILED with a one-line reason when the
	 * model broke the format twice or a provider refused this request
	 * @throws TransientProviderException when a provider call failed transiently (the
	 * caller's retry policy retries the row)
	 * @throws FatalProviderException on a rejected key or exhausted credits
	 */
	public ProspectResult research(String email, ServiceContext service) {
		Objects.requireNonNull(service, "service");
		var spend = new Spend();
		var at = email == null ? -1 : email.strip().lastIndexOf('@');
		if (at < 1 || at == email.strip().length() - 1) {
			return ProspectResult.failed("research: not an email address", null, spend.total);
		}
		var address = email.strip();
		String researchJson = null;
		try {
			var research = synthesize(address, address.substring(0, at), address.substring(at + 1), spend);
			if (!research.isValid()) {
				return ProspectResult.failed(RESEARCH_INVALID_TWICE, null, spend.total);
			}
			researchJson = research.value().toJson();
			var opener = withOneCorrection(
					ChatRequest.text(Prompts.OPENER_SYSTEM, Prompts.openerInput(researchJson, service)),
					OpenerRules::check, Prompts::openerCorrection, spend);
			if (!opener.isValid()) {
				return ProspectResult.failed("opener: " + opener.problem(), researchJson, spend.total);
			}
			return ProspectResult.ok(researchJson, opener.value(), spend.total);
		}
		catch (RejectedRequestException e) {
			return ProspectResult.failed(e.getMessage(), researchJson, spend.total);
		}
	}

	/**
	 * Stops the search threads; rows in flight finish their current call. Not usable
	 * afterwards.
	 */
	@Override
	public void close() {
		searches.shutdown();
	}

	private Checked<Research> synthesize(String email, String user, String domain, Spend spend) {
		var company = domains.lookup(domain, () -> CompletableFuture.supplyAsync(() -> calls.search(domain), searches));
		var person = calls.search(user + " " + domain);
		spend.add(person.usage(ProviderUsage.serperCall()));
		var companyAnswer = joined(company.results());
		spend.add(company.hit() ? ProviderUsage.cacheHit() : companyAnswer.usage(ProviderUsage.serperCall()));
		var request = ChatRequest.json(Prompts.RESEARCH_SYSTEM,
				Prompts.researchInput(email, person.value(), companyAnswer.value()));
		return withOneCorrection(request, Research::parse, Prompts::researchCorrection, spend);
	}

	private <T> Checked<T> withOneCorrection(ChatRequest request, Function<String, Checked<T>> check,
			Function<String, String> correction, Spend spend) {
		var answer = calls.complete(request);
		spend.add(answer.usage(answer.value().usage()));
		var checked = check.apply(answer.value().content());
		if (checked.isValid()) {
			return checked;
		}
		var retried = calls
			.complete(request.correctedWith(answer.value().content(), correction.apply(checked.problem())));
		spend.add(retried.usage(retried.value().usage()));
		return check.apply(retried.value().content());
	}

	private static <T> T joined(CompletableFuture<T> search) {
		try {
			return search.join();
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
	}

	private static ThreadFactory daemonThreads() {
		var count = new AtomicInteger();
		return task -> {
			var thread = new Thread(task, "leadline-search-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Usage of one row, summed as its calls complete; confined to the row's thread. */
	private static final class Spend {

		private ProviderUsage total = ProviderUsage.NONE;

		void add(ProviderUsage usage) {
			total = total.plus(usage);
		}

	}

}
