package io.leadline.jobs.research;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

/**
 * Researches one prospect from what its row knows and writes the opener. The company (a
 * Serper search and a Groq summary) is researched once per company per job and shared by
 * its contacts, in parallel with the person's search; a Groq call then researches the
 * person from the row's facts, the company summary and the person search; a last one
 * writes the opener, checked against {@link OpenerRules}. Each model step gets one
 * corrective retry. A free-mail address never searches its mail domain as a company; a
 * role address is researched as the company only. Thread-safe: one instance serves every
 * row of every job concurrently.
 *
 * <pre>{@code
 * var http = ProviderHttp.client(settings);
 * try (var researcher = new ProspectResearcher(new SerperClient(http, settings), new GroqClient(http, settings))) {
 *   var jane = Prospect.ofEmail("jane@acme.io").withName("Jane", "Doe", "").withCompany("Acme", "acme.io");
 *   ProspectResult result = researcher.research(jane, ServiceContext.defaults(), jobId.toString());
 * }
 * }</pre>
 */
public final class ProspectResearcher implements AutoCloseable {

	static final String RESEARCH_INVALID_TWICE = "research: model returned invalid JSON twice";

	private final CachedCalls calls;

	private final CompanyResearch companies;

	private final ExecutorService searches;

	public ProspectResearcher(SerperClient serper, GroqClient groq) {
		this(serper, groq, ResponseCache.NONE, "", CompanyResearch.DEFAULT_CAPACITY);
	}

	/** A researcher whose answers are kept in {@code cache}, keyed with {@code model}. */
	public ProspectResearcher(SerperClient serper, GroqClient groq, ResponseCache cache, String model) {
		this(serper, groq, cache, model, CompanyResearch.DEFAULT_CAPACITY);
	}

	ProspectResearcher(SerperClient serper, GroqClient groq, int companyCapacity) {
		this(serper, groq, ResponseCache.NONE, "", companyCapacity);
	}

	private ProspectResearcher(SerperClient serper, GroqClient groq, ResponseCache cache, String model,
			int companyCapacity) {
		this.calls = new CachedCalls(Objects.requireNonNull(serper, "serper"), Objects.requireNonNull(groq, "groq"),
				Objects.requireNonNull(cache, "cache"), model);
		this.companies = new CompanyResearch(companyCapacity);
		// why: one extra thread per company in flight, idle ones die after a minute;
		// daemon so a forgotten close() never pins the JVM
		this.searches = Executors.newCachedThreadPool(daemonThreads());
	}

	/** A row with nothing but its email, outside any job (e.g. a single lookup). */
	public ProspectResult research(String email, ServiceContext service) {
		var address = email == null ? "" : email.strip();
		var at = address.lastIndexOf('@');
		if (at < 1 || at == address.length() - 1) {
			return ProspectResult.failed("research: not an email address", null, ProviderUsage.NONE);
		}
		return research(Prospect.ofEmail(address), service, "");
	}

	/**
	 * @param scope what shares company research, normally the job id: contacts of one
	 * company within it are researched once
	 * @return OK with research and opener (and a reason when the research was narrowed to
	 * the person or the company), or FAILED with a one-line reason when the model broke
	 * the format twice or a provider refused this request
	 * @throws TransientProviderException when a provider call failed transiently (the
	 * caller's retry policy retries the row)
	 * @throws FatalProviderException on a rejected key or exhausted credits
	 */
	public ProspectResult research(Prospect prospect, ServiceContext service, String scope) {
		Objects.requireNonNull(prospect, "prospect");
		Objects.requireNonNull(service, "service");
		Objects.requireNonNull(scope, "scope");
		var spend = new Spend();
		String researchJson = null;
		try {
			var research = researched(prospect, service, scope, spend);
			if (research == null) {
				return ProspectResult.failed(RESEARCH_INVALID_TWICE, null, spend.total);
			}
			researchJson = research.toJson();
			var input = Prompts.openerInput(researchJson, service, openerNote(prospect));
			var opener = withOneCorrection(ChatRequest.text(Prompts.OPENER_SYSTEM, input),
					answer -> OpenerRules.check(answer, input), Prompts::openerCorrection, spend);
			if (!opener.isValid()) {
				return ProspectResult.failed("opener: " + opener.problem(), researchJson, spend.total);
			}
			return ProspectResult.ok(researchJson, opener.value(), narrowing(prospect), spend.total);
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

	/** The row's research, or null when the model broke the format twice. */
	private Research researched(Prospect prospect, ServiceContext service, String scope, Spend spend) {
		var company = prospect.companyKey()
			.map(key -> companies.lookup(scope, key,
					() -> CompletableFuture.supplyAsync(() -> researchCompany(prospect), searches)));
		var person = SearchQueries.person(prospect).map(query -> {
			var answer = calls.search(query);
			spend.add(answer.usage(ProviderUsage.serperCall()));
			return answer.value();
		}).orElse(null);
		var summary = company.map(lookup -> {
			var shared = joined(lookup.summary());
			spend.add(lookup.shared() ? ProviderUsage.cacheHit() : shared.usage());
			return shared;
		});
		var companyFacts = summary.map(CompanyResearch.Summary::company).orElse(Research.NO_COMPANY);
		if (prospect.mailbox() == Mailbox.ROLE) {
			return new Research(Research.NO_PERSON, companyFacts, null);
		}
		var scoring = !service.idealCustomer().isEmpty();
		var input = Prompts.personInput(prospect, JsonMapper.shared().writeValueAsString(companyFacts), person,
				summary.map(s -> List.copyOf(s.searched())).orElse(List.of()), service.idealCustomer());
		var shape = scoring ? Prompts.PERSON_FIT_SHAPE : Prompts.PERSON_SHAPE;
		var answer = withOneCorrection(
				ChatRequest.json(scoring ? Prompts.PERSON_FIT_SYSTEM : Prompts.PERSON_SYSTEM, input),
				text -> Research.parsePerson(text, scoring), problem -> Prompts.researchCorrection(problem, shape),
				spend);
		if (!answer.isValid()) {
			return null;
		}
		return new Research(answer.value().person(), companyFacts, answer.value().fit());
	}

	private CompanyResearch.Summary researchCompany(Prospect prospect) {
		var spend = new Spend();
		var query = SearchQueries.company(prospect).orElseThrow();
		var results = calls.search(query);
		spend.add(results.usage(ProviderUsage.serperCall()));
		var fallback = new Research.Company(prospect.company(), List.of(), "");
		if (results.value().isEmpty()) {
			return new CompanyResearch.Summary(fallback, Findings.given(results.value()), spend.total);
		}
		var summary = withOneCorrection(
				ChatRequest.json(Prompts.COMPANY_SYSTEM, Prompts.companyInput(prospect, results.value())),
				Research::parseCompany, problem -> Prompts.researchCorrection(problem, Prompts.COMPANY_SHAPE), spend);
		// why: a company the model could not summarize still has its contacts to
		// research; they go on with what the row says
		return new CompanyResearch.Summary(summary.isValid() ? summary.value() : fallback,
				Findings.given(results.value()), spend.total);
	}

	static String narrowing(Prospect prospect) {
		return switch (prospect.mailbox()) {
			case WORK -> null;
			case ROLE -> "role address (" + prospect.localPart() + "@): researched the company only";
			case FREE_MAIL -> "free-mail address (" + prospect.mailDomain() + "): "
					+ (prospect.hasCompany() ? "company taken from the row" : "researched the person only");
		};
	}

	static String openerNote(Prospect prospect) {
		if (prospect.mailbox() == Mailbox.ROLE) {
			return "this address reaches a team, not a person: write to the company.";
		}
		if (!prospect.hasCompany()) {
			return "the company is unknown: say nothing about a company.";
		}
		return "";
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
			var thread = new Thread(task, "leadline-company-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** Usage summed as calls complete; confined to one thread. */
	private static final class Spend {

		private ProviderUsage total = ProviderUsage.NONE;

		void add(ProviderUsage usage) {
			total = total.plus(usage);
		}

	}

}
