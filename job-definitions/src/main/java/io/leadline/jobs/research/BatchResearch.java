package io.leadline.jobs.research;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

import tools.jackson.databind.json.JsonMapper;

/**
 * Researches a whole list through the provider's Batch API, one move at a time, so the
 * caller can save {@link BatchState} after each move. The Serper searches run first, live
 * and cached, as in the live path; then the model's calls go in three rounds of batches,
 * each with the same prompts and the same checks as {@link ProspectResearcher}: company
 * summaries, then the person research built on them, then the openers built on the
 * research. Each round has at most one corrective round (a second, small batch) for the
 * answers that broke the format; what breaks it twice fails its row.
 *
 * <p>
 * A round moves: submit the requests without an answer (cut into files within the
 * provider's limits) → poll every batch, backing off from
 * {@link BatchProperties#pollFirst()} to {@link BatchProperties#pollMax()} → save each
 * finished batch's output and error files → resubmit only the requests still without an
 * answer (expired, failed or unreadable lines), up to
 * {@link BatchProperties#maxSubmissions()} times and until
 * {@link BatchProperties#liveAfter()}; then the stragglers go through the live path.
 * Custom ids tie each request to its row: {@code company:<n>}, {@code person:<row>},
 * {@code opener:<row>}, plus {@code :fix} for corrections.
 */
public final class BatchResearch implements AutoCloseable {

	static final String SEARCH = "search";

	static final String COMPANY = "company";

	static final String PERSON = "person";

	static final String OPENER = "opener";

	static final String DONE = "done";

	private static final String FIX = "-fix";

	private static final String FIX_ID = ":fix";

	private static final String LIVE = "live";

	private static final int SEARCH_ATTEMPTS = 3;

	static final String SEARCHES = "searches.json";

	/** Where a job keeps what does not fit its execution context, by name. */
	public interface Work {

		void write(String name, String text);

		Optional<String> read(String name);

		/**
		 * Writes {@code name} from what {@code body} streams; if {@code body} throws,
		 * nothing is left under {@code name}.
		 */
		void write(String name, Body body);

		/**
		 * Gives each line of {@code name} to {@code line}, in order, without holding the
		 * file in memory; nothing if there is no such file.
		 */
		void forEachLine(String name, Consumer<String> line);

		/** What streams a file's bytes; it must not close {@code out}. */
		@FunctionalInterface
		interface Body {

			void writeTo(OutputStream out) throws IOException;

		}

	}

	/** A row to research: its number in the list and what it says about the prospect. */
	public record Row(long number, Prospect prospect) {
	}

	private final CachedCalls calls;

	private final GroqBatches batches;

	private final ProviderSettings settings;

	private final BatchProperties properties;

	private final Clock clock;

	private final ExecutorService searches;

	/**
	 * @param searchThreads searches in flight at once (Serper's own limiter still paces
	 * them)
	 */
	public BatchResearch(SerperClient serper, GroqClient live, GroqBatches batches, ResponseCache cache,
			ProviderSettings settings, BatchProperties properties, Clock clock, int searchThreads) {
		this.calls = new CachedCalls(serper, live, cache, settings.groqModel());
		this.batches = Objects.requireNonNull(batches, "batches");
		this.settings = settings;
		this.properties = properties;
		this.clock = clock;
		this.searches = Executors.newFixedThreadPool(searchThreads, task -> {
			var thread = new Thread(task, "leadline-batch-search");
			thread.setDaemon(true);
			return thread;
		});
	}

	@Override
	public void close() {
		searches.shutdown();
	}

	/**
	 * Makes one move: the searches, one submission, one round of polls (after waiting at
	 * most a second for it), saving finished batches, or the stragglers' live calls.
	 * @return true once every row has its result ({@link Job#results()})
	 * @throws TransientProviderException when the provider stays unreachable: the step
	 * fails and its restart resumes from the saved state
	 */
	public boolean advance(Job job) throws InterruptedException {
		switch (job.state.phase()) {
			case SEARCH -> search(job);
			case DONE -> {
				if (job.results == null) {
					job.results = results(job);
				}
				return true;
			}
			default -> advanceRound(job);
		}
		return job.state.isDone() && job.results != null;
	}

	// --- searches

	private void search(Job job) {
		var firstOfCompany = new LinkedHashMap<String, Prospect>();
		var people = new LinkedHashMap<Long, String>();
		for (var row : job.rows) {
			row.prospect().companyKey().ifPresent(key -> firstOfCompany.putIfAbsent(key, row.prospect()));
			SearchQueries.person(row.prospect()).ifPresent(query -> people.put(row.number(), query));
		}
		var companyHits = new TreeMap<String, CompletableFuture<Searched>>();
		firstOfCompany.forEach((key, prospect) -> companyHits.put(key, CompletableFuture
			.supplyAsync(() -> searched(SearchQueries.company(prospect).orElseThrow()), searches)));
		var personHits = new LinkedHashMap<Long, CompletableFuture<Searched>>();
		people.forEach(
				(row, query) -> personHits.put(row, CompletableFuture.supplyAsync(() -> searched(query), searches)));
		var found = new Searches(joinAll(companyHits), joinAll(personHits));
		job.work.write(SEARCHES, JsonMapper.shared().writeValueAsString(found));
		job.searches = found;
		job.log.accept("batch mode: searched %,d companies and %,d people; model calls go to the Batch API"
			.formatted(found.companies().size(), found.people().size()));
		enterRound(job, COMPANY, COMPANY);
	}

	private Searched searched(String query) {
		for (int attempt = 1;; attempt++) {
			try {
				var answer = calls.search(query);
				return new Searched(answer.value(), answer.cached(), null);
			}
			catch (RejectedRequestException e) {
				return new Searched(null, false, e.getMessage());
			}
			catch (TransientProviderException e) {
				if (attempt == SEARCH_ATTEMPTS) {
					throw e;
				}
				pause(properties.pollFirst().toMillis() * attempt);
			}
		}
	}

	private static <K> Map<K, Searched> joinAll(Map<K, CompletableFuture<Searched>> pending) {
		var done = new LinkedHashMap<K, Searched>();
		try {
			pending.forEach((key, future) -> done.put(key, future.join()));
		}
		catch (CompletionException e) {
			if (e.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			throw e;
		}
		return done;
	}

	// --- rounds

	private void advanceRound(Job job) throws InterruptedException {
		var round = job.state.round();
		var requests = requests(job, round);
		if (createBatchesOfUploadedFiles(job, round)) {
			return;
		}
		var waiting = job.state.files()
			.stream()
			.filter(file -> file.round().equals(round) && file.isWaiting())
			.toList();
		if (!waiting.isEmpty()) {
			poll(job, round, waiting, requests);
			return;
		}
		var missing = requests.keySet().stream().filter(id -> needsAnswer(job, round, id)).toList();
		if (missing.isEmpty()) {
			nextRound(job);
		}
		else if (job.state.submissions() < properties.maxSubmissions()
				&& now() < job.state.roundStartedAt() + properties.liveAfter().toMillis()) {
			submit(job, round, missing, requests);
		}
		else {
			answerLive(job, round, missing, requests);
		}
	}

	/**
	 * why: a file recorded without its batch was uploaded just before a crash or a stop;
	 * its batch may exist already, so it is looked up before one is created
	 */
	private boolean createBatchesOfUploadedFiles(Job job, String round) {
		var files = new ArrayList<>(job.state.files());
		var created = false;
		var totals = job.state.totals();
		for (int i = 0; i < files.size(); i++) {
			var file = files.get(i);
			if (file.round().equals(round) && file.batchId() == null) {
				var batch = batches.findByInputFile(file.fileId())
					.orElseGet(() -> batches.create(file.fileId(), properties.completionWindow()));
				files.set(i, file.withBatch(batch));
				totals = new BatchState.Totals(totals.batches() + 1, totals.requests() + file.requests(),
						totals.failedRequests(), totals.liveRequests(), totals.promptTokens(),
						totals.completionTokens());
				job.log.accept("batch %s submitted: %,d %s requests".formatted(batch.id(), file.requests(), round));
				created = true;
			}
		}
		if (created) {
			job.state = job.state.withFiles(files).withTotals(totals);
		}
		return created;
	}

	private void poll(Job job, String round, List<BatchState.SubmittedFile> waiting, Map<String, ChatRequest> requests)
			throws InterruptedException {
		var wait = job.state.nextPollAt() - now();
		if (wait > 0) {
			// why: short naps, so the step saves its context and notices a stop at least
			// once a second
			pause(Math.min(wait, 1_000));
			return;
		}
		var files = new ArrayList<>(job.state.files());
		var totals = job.state.totals();
		var finished = false;
		for (var file : waiting) {
			var batch = batches.get(file.batchId());
			var at = files.indexOf(file);
			if (!batch.isTerminal()) {
				files.set(at, file.withBatch(batch));
				continue;
			}
			var tokens = save(job, round, batch, requests);
			files.set(at, file.savedAs(batch));
			totals = new BatchState.Totals(totals.batches(), totals.requests(),
					totals.failedRequests() + Math.max(batch.failed(), file.requests() - batch.completed()),
					totals.liveRequests(), totals.promptTokens() + tokens.promptTokens(),
					totals.completionTokens() + tokens.completionTokens());
			job.log.accept("batch %s %s: %,d of %,d %s requests answered, %,d failed".formatted(batch.id(),
					batch.status(), batch.completed(), file.requests(), round, file.requests() - batch.completed()));
			finished = true;
		}
		var delay = finished ? properties.pollFirst().toMillis()
				: Math.min(job.state.pollDelayMillis() * 2, properties.pollMax().toMillis());
		job.state = job.state.withFiles(files).withTotals(totals).pollAgainAt(now() + delay, delay);
	}

	/** Copies a finished batch's output and error lines to the work area. */
	private ChatCompletion save(Job job, String round, ProviderBatch batch, Map<String, ChatRequest> requests) {
		var name = answersName(round, batch.id());
		// why: streamed to the work area, not read into a String: an output file of
		// 50,000
		// answers is 100+ MB, and a provider's file is capped so it cannot fill the disk
		long cap = properties.maxDownload().toBytes();
		job.work.write(name, out -> {
			for (var fileId : new String[] { batch.outputFileId(), batch.errorFileId() }) {
				if (fileId != null) {
					batches.download(fileId, out, cap);
					out.write('\n');
				}
			}
		});
		long[] tokens = new long[2];
		var answers = job.answers(round);
		job.work.forEachLine(name, line -> {
			var answer = BatchAnswer.parseLine(line);
			if (answer == null) {
				return;
			}
			answers.merge(answer.customId(), Answer.of(answer, false), Answer::better);
			if (answer.isAnswered()) {
				tokens[0] += answer.completion().promptTokens();
				tokens[1] += answer.completion().completionTokens();
				var request = requests.get(answer.customId());
				if (request != null && !answer.completion().content().isBlank()) {
					calls.remember(request, answer.completion());
				}
			}
		});
		return new ChatCompletion("", tokens[0], tokens[1]);
	}

	private void submit(Job job, String round, List<String> missing, Map<String, ChatRequest> requests) {
		if (job.state.submissions() > 0) {
			job.log.accept(
					"round %s: %,d requests still unanswered (expired, failed or unreadable); resubmitting only those"
						.formatted(round, missing.size()));
		}
		var lines = missing.stream().map(id -> BatchFiles.line(settings, id, requests.get(id))).toList();
		var files = BatchFiles.split(lines, properties.maxRequestsPerFile(), properties.maxBytesPerFile().toBytes());
		var uploaded = new ArrayList<BatchState.SubmittedFile>();
		for (int k = 0; k < files.size(); k++) {
			var name = "%s-%d-%d.jsonl".formatted(round, job.state.submissions() + 1, k + 1);
			var fileId = batches.upload(name, files.get(k));
			uploaded.add(new BatchState.SubmittedFile(round, fileId, null, "uploaded", requestsIn(files.get(k)), 0, 0,
					false));
		}
		job.state = job.state.submitted(uploaded, now(), properties.pollFirst().toMillis());
	}

	/** The stragglers, past the submissions or the deadline: one live call each. */
	private void answerLive(Job job, String round, List<String> missing, Map<String, ChatRequest> requests) {
		var lines = new StringBuilder();
		int answered = 0;
		for (var id : missing) {
			BatchAnswer answer;
			try {
				answer = new BatchAnswer(id, calls.complete(requests.get(id)).value(), null);
				answered++;
			}
			catch (RejectedRequestException e) {
				answer = new BatchAnswer(id, null, e.getMessage());
			}
			lines.append(answer.toLine()).append('\n');
			job.answers(round).merge(id, Answer.of(answer, true), Answer::better);
		}
		var name = LIVE + "-" + (job.state.files().size() + 1);
		job.work.write(answersName(round, name), lines.toString());
		var files = new ArrayList<>(job.state.files());
		files.add(new BatchState.SubmittedFile(round, null, name, LIVE, missing.size(), answered,
				missing.size() - answered, true));
		var totals = job.state.totals();
		job.state = job.state.withFiles(files)
			.withTotals(new BatchState.Totals(totals.batches(), totals.requests(), totals.failedRequests(),
					totals.liveRequests() + missing.size(), totals.promptTokens(), totals.completionTokens()));
		job.log.accept("round %s: %,d stragglers answered through the live path".formatted(round, missing.size()));
	}

	private void nextRound(Job job) {
		var round = job.state.round();
		var phase = job.state.phase();
		if (!round.endsWith(FIX)) {
			var corrections = requests(job, round + FIX);
			if (!corrections.isEmpty()) {
				job.log.accept("round %s: %,d answers broke the format; sending corrective requests".formatted(round,
						corrections.size()));
				enterRound(job, phase, round + FIX);
				return;
			}
		}
		switch (phase) {
			case COMPANY -> enterRound(job, PERSON, PERSON);
			case PERSON -> enterRound(job, OPENER, OPENER);
			default -> {
				enterRound(job, DONE, DONE);
				job.results = results(job);
				var totals = job.state.totals();
				job.log.accept(
						"batch mode done: %,d batches, %,d requests sent, %,d of them unanswered by a batch, %,d answered live"
							.formatted(totals.batches(), totals.requests(), totals.failedRequests(),
									totals.liveRequests()));
			}
		}
	}

	private void enterRound(Job job, String phase, String round) {
		job.state = job.state.inRound(phase, round, now(), properties.pollFirst().toMillis());
	}

	private boolean needsAnswer(Job job, String round, String id) {
		var answer = job.answers(round).get(id);
		// why: a request the live path refused is final, like a rejected live call
		return answer == null || !answer.isAnswered() && !answer.live();
	}

	// --- the requests of each round, rebuilt from the searches and earlier answers

	private Map<String, ChatRequest> requests(Job job, String round) {
		var built = job.requests.get(round);
		if (built != null) {
			return built;
		}
		var requests = switch (round) {
			case COMPANY -> companyRequests(job);
			case PERSON -> personRequests(job);
			case OPENER -> openerRequests(job);
			default -> corrections(job, round.substring(0, round.length() - FIX.length()));
		};
		// why: an answer the cache holds is not bought again; it is this round's answer
		var answers = job.answers(round);
		var toSend = new LinkedHashMap<String, ChatRequest>();
		requests.forEach((id, request) -> {
			if (!answers.containsKey(id)) {
				calls.cached(request).ifPresent(completion -> answers.put(id, Answer.cached(completion)));
			}
			toSend.put(id, request);
		});
		job.requests.put(round, toSend);
		return toSend;
	}

	private Map<String, ChatRequest> companyRequests(Job job) {
		var requests = new LinkedHashMap<String, ChatRequest>();
		var firsts = job.firstRowOfCompany();
		int index = 0;
		for (var entry : job.searches().companies().entrySet()) {
			var id = COMPANY + ":" + index++;
			var found = entry.getValue();
			if (found.error() == null && !found.results().isEmpty()) {
				var prospect = job.row(firsts.get(entry.getKey())).prospect();
				requests.put(id,
						ChatRequest.json(Prompts.COMPANY_SYSTEM, Prompts.companyInput(prospect, found.results())));
			}
		}
		return requests;
	}

	private Map<String, ChatRequest> personRequests(Job job) {
		var requests = new LinkedHashMap<String, ChatRequest>();
		var scoring = !job.service.idealCustomer().isEmpty();
		for (var row : job.rows) {
			var prospect = row.prospect();
			if (prospect.mailbox() == Mailbox.ROLE || blockedBySearch(job, row) != null) {
				continue;
			}
			var company = prospect.companyKey().map(key -> job.searches().companies().get(key));
			var seen = company.filter(found -> found.results() != null)
				.map(found -> List.copyOf(Findings.given(found.results())))
				.orElse(List.of());
			var person = job.searches().people().get(row.number());
			var input = Prompts.personInput(prospect, JsonMapper.shared().writeValueAsString(companyFacts(job, row)),
					person == null ? null : person.results(), seen, job.service.idealCustomer());
			requests.put(PERSON + ":" + row.number(),
					ChatRequest.json(scoring ? Prompts.PERSON_FIT_SYSTEM : Prompts.PERSON_SYSTEM, input));
		}
		return requests;
	}

	private Map<String, ChatRequest> openerRequests(Job job) {
		var requests = new LinkedHashMap<String, ChatRequest>();
		for (var row : job.rows) {
			var research = research(job, row);
			if (research.value() != null) {
				requests.put(OPENER + ":" + row.number(),
						ChatRequest.text(Prompts.OPENER_SYSTEM, openerInput(job, row, research.value())));
			}
		}
		return requests;
	}

	private static String openerInput(Job job, Row row, Research research) {
		return Prompts.openerInput(research.toJson(), job.service, ProspectResearcher.openerNote(row.prospect()));
	}

	/** The corrective requests of a round: each rejected answer, and what to fix. */
	private Map<String, ChatRequest> corrections(Job job, String round) {
		var corrections = new LinkedHashMap<String, ChatRequest>();
		var answers = job.answers(round);
		requests(job, round).forEach((id, request) -> {
			var answer = answers.get(id);
			if (answer == null || !answer.isAnswered()) {
				return;
			}
			var problem = check(job, round, answer.content(), userInput(request)).problem();
			if (problem != null) {
				corrections.put(id + FIX_ID, request.correctedWith(answer.content(), correction(job, round, problem)));
			}
		});
		return corrections;
	}

	/**
	 * @param input what the model was given (an opener may carry only the contact details
	 * in it)
	 */
	private Checked<?> check(Job job, String round, String content, String input) {
		return switch (round) {
			case COMPANY -> Research.parseCompany(content);
			case PERSON -> Research.parsePerson(content, !job.service.idealCustomer().isEmpty());
			default -> OpenerRules.check(content, input);
		};
	}

	private static String userInput(ChatRequest request) {
		return request.messages()
			.stream()
			.filter(message -> "user".equals(message.role()))
			.findFirst()
			.map(ChatMessage::content)
			.orElse("");
	}

	private String correction(Job job, String round, String problem) {
		return switch (round) {
			case COMPANY -> Prompts.researchCorrection(problem, Prompts.COMPANY_SHAPE);
			case PERSON -> Prompts.researchCorrection(problem,
					job.service.idealCustomer().isEmpty() ? Prompts.PERSON_SHAPE : Prompts.PERSON_FIT_SHAPE);
			default -> Prompts.openerCorrection(problem);
		};
	}

	// --- what the answers resolve to

	/** A checked answer after its corrective round: a value, or why there is none. */
	private record Resolved<T>(T value, String problem, String error, ProviderUsage usage) {
	}

	private <T> Resolved<T> resolve(Job job, String round, String id) {
		return resolve(job, round, id, "");
	}

	@SuppressWarnings("unchecked")
	private <T> Resolved<T> resolve(Job job, String round, String id, String input) {
		var first = job.answers(round).get(id);
		if (first == null) {
			return new Resolved<>(null, "no answer", null, ProviderUsage.NONE);
		}
		if (!first.isAnswered()) {
			return new Resolved<>(null, null, first.error(), ProviderUsage.NONE);
		}
		var checked = (Checked<T>) check(job, round, first.content(), input);
		if (checked.isValid()) {
			return new Resolved<>(checked.value(), null, null, first.usage());
		}
		var fix = job.answers(round + FIX).get(id + FIX_ID);
		if (fix == null) {
			return new Resolved<>(null, checked.problem(), null, first.usage());
		}
		if (!fix.isAnswered()) {
			return new Resolved<>(null, null, fix.error(), first.usage());
		}
		var fixed = (Checked<T>) check(job, round, fix.content(), input);
		return new Resolved<>(fixed.value(), fixed.problem(), null, first.usage().plus(fix.usage()));
	}

	private Research.Company companyFacts(Job job, Row row) {
		var key = row.prospect().companyKey();
		if (key.isEmpty()) {
			return Research.NO_COMPANY;
		}
		var id = job.companyId(key.get());
		Resolved<Research.Company> summary = id == null ? null : resolve(job, COMPANY, id);
		// why: as live, a company the model could not summarize leaves its contacts with
		// what the row says
		return summary != null && summary.value() != null ? summary.value()
				: new Research.Company(row.prospect().company(), List.of(), "");
	}

	private Resolved<Research> research(Job job, Row row) {
		var blocked = blockedBySearch(job, row);
		if (blocked != null) {
			return new Resolved<>(null, null, blocked, ProviderUsage.NONE);
		}
		var companyError = companyError(job, row);
		if (companyError != null) {
			return new Resolved<>(null, null, companyError, ProviderUsage.NONE);
		}
		var company = companyFacts(job, row);
		if (row.prospect().mailbox() == Mailbox.ROLE) {
			return new Resolved<>(new Research(Research.NO_PERSON, company, null), null, null, ProviderUsage.NONE);
		}
		Resolved<Research.PersonAnswer> person = resolve(job, PERSON, PERSON + ":" + row.number());
		if (person.value() == null) {
			return new Resolved<>(null, person.problem(), person.error(), person.usage());
		}
		return new Resolved<>(new Research(person.value().person(), company, person.value().fit()), null, null,
				person.usage());
	}

	private static String blockedBySearch(Job job, Row row) {
		var person = job.searches().people().get(row.number());
		if (person != null && person.error() != null) {
			return person.error();
		}
		return row.prospect()
			.companyKey()
			.map(key -> job.searches().companies().get(key))
			.map(Searched::error)
			.orElse(null);
	}

	private String companyError(Job job, Row row) {
		var id = row.prospect().companyKey().map(job::companyId).orElse(null);
		return id == null ? null : this.<Research.Company>resolve(job, COMPANY, id).error();
	}

	private Map<Long, ProspectResult> results(Job job) {
		var results = new LinkedHashMap<Long, ProspectResult>();
		var firsts = job.firstRowOfCompany();
		for (var row : job.rows) {
			var usage = searchUsage(job, row, firsts);
			var research = research(job, row);
			usage = usage.plus(research.usage());
			if (research.error() != null) {
				results.put(row.number(), ProspectResult.failed(research.error(), null, usage));
				continue;
			}
			if (research.value() == null) {
				results.put(row.number(),
						ProspectResult.failed(ProspectResearcher.RESEARCH_INVALID_TWICE, null, usage));
				continue;
			}
			var json = research.value().toJson();
			Resolved<String> opener = resolve(job, OPENER, OPENER + ":" + row.number(),
					openerInput(job, row, research.value()));
			usage = usage.plus(opener.usage());
			if (opener.error() != null) {
				results.put(row.number(), ProspectResult.failed(opener.error(), json, usage));
			}
			else if (opener.value() == null) {
				results.put(row.number(), ProspectResult.failed("opener: " + opener.problem(), json, usage));
			}
			else {
				results.put(row.number(),
						ProspectResult.ok(json, opener.value(), ProspectResearcher.narrowing(row.prospect()), usage));
			}
		}
		return results;
	}

	/**
	 * As live: the first row of a company carries its search and summary, the others a
	 * cache hit.
	 */
	private ProviderUsage searchUsage(Job job, Row row, Map<String, Long> firsts) {
		var usage = ProviderUsage.NONE;
		var person = job.searches().people().get(row.number());
		if (person != null) {
			usage = usage.plus(person.cached() ? ProviderUsage.cacheHit() : ProviderUsage.serperCall());
		}
		var key = row.prospect().companyKey();
		if (key.isEmpty() || !job.searches().companies().containsKey(key.get())) {
			return usage;
		}
		if (firsts.get(key.get()) != row.number()) {
			return usage.plus(ProviderUsage.cacheHit());
		}
		var company = job.searches().companies().get(key.get());
		usage = usage.plus(company.cached() ? ProviderUsage.cacheHit() : ProviderUsage.serperCall());
		var id = job.companyId(key.get());
		return id == null ? usage : usage.plus(this.<Research.Company>resolve(job, COMPANY, id).usage());
	}

	private long now() {
		return clock.millis();
	}

	private static int requestsIn(byte[] file) {
		int lines = 0;
		for (byte b : file) {
			if (b == '\n') {
				lines++;
			}
		}
		return lines;
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new TransientProviderException(GroqBatches.PROVIDER, "interrupted while waiting for a batch", null,
					e);
		}
	}

	private static String answersName(String round, String batchId) {
		return "answers/%s/%s.jsonl".formatted(round, batchId);
	}

	// --- the job

	/** What a search found, whether the cache gave it, or why the provider refused it. */
	record Searched(SearchResults results, boolean cached, String error) {
	}

	/** Every search of a job: companies by key (sorted), people by row. */
	record Searches(Map<String, Searched> companies, Map<Long, Searched> people) {
	}

	/** A model answer and where it came from. */
	record Answer(String content, long promptTokens, long completionTokens, String error, String source) {

		static Answer of(BatchAnswer answer, boolean live) {
			var source = live ? LIVE : "batch";
			return answer.isAnswered()
					? new Answer(answer.completion().content(), answer.completion().promptTokens(),
							answer.completion().completionTokens(), null, source)
					: new Answer(null, 0, 0, answer.error(), source);
		}

		static Answer cached(ChatCompletion completion) {
			return new Answer(completion.content(), 0, 0, null, "cache");
		}

		boolean isAnswered() {
			return error == null;
		}

		boolean live() {
			return source.equals(LIVE);
		}

		ProviderUsage usage() {
			return source.equals("cache") ? ProviderUsage.cacheHit()
					: ProviderUsage.groqCall(promptTokens, completionTokens);
		}

		/** An answer beats an error; otherwise the newer one counts. */
		static Answer better(Answer older, Answer newer) {
			return older.isAnswered() && !newer.isAnswered() ? older : newer;
		}

	}

	/**
	 * One job's batch research: its rows and service, its state and what has been loaded
	 * of its work area. Confined to the thread that advances it.
	 */
	public static final class Job {

		private final List<Row> rows;

		private final ServiceContext service;

		private final Work work;

		private final Consumer<String> log;

		private BatchState state;

		private Searches searches;

		private Map<String, Long> firstRowOfCompany;

		private Map<String, String> companyIds;

		private Map<Long, Row> byNumber;

		private final Map<String, Map<String, Answer>> answers = new HashMap<>();

		private final Map<String, Map<String, ChatRequest>> requests = new HashMap<>();

		private Map<Long, ProspectResult> results;

		/**
		 * @param rows the rows to research, in list order
		 * @param log where the job's log lines go (submitted, completed, failed requests)
		 */
		public Job(List<Row> rows, ServiceContext service, BatchState state, Work work, Consumer<String> log) {
			this.rows = List.copyOf(rows);
			this.service = Objects.requireNonNull(service, "service");
			this.state = Objects.requireNonNull(state, "state");
			this.work = Objects.requireNonNull(work, "work");
			this.log = Objects.requireNonNull(log, "log");
		}

		public BatchState state() {
			return state;
		}

		/**
		 * Every row's result by row number, once {@link BatchResearch#advance} said so.
		 */
		public Map<Long, ProspectResult> results() {
			if (results == null) {
				throw new IllegalStateException("the batch research of this job is not done");
			}
			return results;
		}

		private Searches searches() {
			if (searches == null) {
				var json = work.read(SEARCHES)
					.orElseThrow(() -> new IllegalStateException("batch mode: the searches of this job are missing"));
				searches = JsonMapper.shared().readValue(json, Searches.class);
			}
			return searches;
		}

		private Map<String, Long> firstRowOfCompany() {
			if (firstRowOfCompany == null) {
				firstRowOfCompany = new HashMap<>();
				for (var row : rows) {
					row.prospect().companyKey().ifPresent(key -> firstRowOfCompany.putIfAbsent(key, row.number()));
				}
			}
			return firstRowOfCompany;
		}

		/**
		 * The custom id of a company's summary request, by its position among the keys.
		 */
		private String companyId(String key) {
			if (companyIds == null) {
				companyIds = new HashMap<>();
				int index = 0;
				for (var company : searches().companies().keySet()) {
					companyIds.put(company, COMPANY + ":" + index++);
				}
			}
			return companyIds.get(key);
		}

		private Row row(long number) {
			if (byNumber == null) {
				byNumber = new HashMap<>();
				rows.forEach(row -> byNumber.put(row.number(), row));
			}
			return byNumber.get(number);
		}

		/** The answers of a round, loaded from the work area on first use. */
		private Map<String, Answer> answers(String round) {
			return answers.computeIfAbsent(round, name -> {
				var loaded = new HashMap<String, Answer>();
				for (var file : state.files()) {
					if (file.round().equals(name) && file.saved()) {
						var live = file.status().equals(LIVE);
						work.forEachLine(answersName(name, file.batchId()), line -> {
							var answer = BatchAnswer.parseLine(line);
							if (answer != null) {
								loaded.merge(answer.customId(), Answer.of(answer, live), Answer::better);
							}
						});
					}
				}
				return loaded;
			});
		}

	}

}
