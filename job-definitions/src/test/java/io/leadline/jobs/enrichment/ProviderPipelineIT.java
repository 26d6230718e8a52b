package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import mockwebserver3.MockResponse;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.jobs.EngineTestApplication;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.storage.ObjectStore;

/**
 * The provider pipeline under pressure, with the response cache on: a provider that
 * rate-limits with real 429 + Retry-After, malformed answers, and a list run twice.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:pipeline;DB_CLOSE_DELAY=-1",
		"leadline.enrichment.retry-limit=10", "leadline.research.concurrency=8" })
class ProviderPipelineIT extends JobIT {

	@Test
	void runningACompletedListAgainMakesNoProviderCalls() throws Exception {
		Path file = uniqueList("again", 15).writeCsv(files.resolve("again.csv"));
		EnrichmentRequest first = jobs.request(file, ResultFormat.CSV, 4, 2);
		assertThat(jobs.run(first).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		int callsAfterFirstRun = providers.requests().size();

		EnrichmentRequest second = jobs.request(file, ResultFormat.CSV, 4, 2);
		JobExecution rerun = jobs.run(second);

		assertThat(rerun.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(providers.requests()).hasSize(callsAfterFirstRun);
		assertThat(OutputContract.statuses(jobs.result(second))).containsOnly("ok", "invalid", "duplicate");
		Map<?, ?> usage = (Map<?, ?>) summary(second).get("usage");
		assertThat(usage.get("serperCalls")).isEqualTo(0);
		assertThat(usage.get("groqCalls")).isEqualTo(0);
		assertThat((Integer) usage.get("cacheHits")).isPositive();
	}

	@Test
	void waitsOutRetryAfterForEveryCallerInsteadOfHammeringARateLimitedProvider() throws Exception {
		RateLimitedSerper limited = new RateLimitedSerper(4);
		providers.serper = limited;
		MessyList list = uniqueList("limited", 12);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("limited.csv")), ResultFormat.CSV, 3, 2);

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		// why: the step's own back-off is 5-20 ms; only pausing for the named second lets
		// every row through
		assertThat(OutputContract.statuses(jobs.result(request))).containsOnly("ok", "invalid", "duplicate");
		assertThat(limited.rejected.get()).as("429s answered").isPositive();
		Map<?, ?> summary = summary(request);
		assertThat(((Map<?, ?>) summary.get("rows")).get("ok")).isEqualTo(10);
	}

	@Test
	void retriesMalformedAnswersAndAccountsForEveryRow() throws Exception {
		Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
		providers.groq = call -> seen.computeIfAbsent(call.lastUserMessage(), k -> new AtomicInteger())
			.incrementAndGet() == 1
					? new MockResponse.Builder().code(200)
						.addHeader("Content-Type", "application/json")
						.body("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":")
						.build()
					: ProviderWire.answerFor(call);
		MessyList list = uniqueList("malformed", 10);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("malformed.csv")), ResultFormat.CSV, 3, 2);

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<List<String>> result = jobs.result(request);
		assertThat(result).hasSize(1 + list.dataRows().size());
		assertThat(OutputContract.statuses(result)).contains("ok").isSubsetOf("ok", "invalid", "duplicate");
	}

	@Test
	void rowsWhoseOpenerFailsAreNotChargedAndCarryNoResearch() throws Exception {
		providers.groq = call -> call.json() ? ProviderWire.answerFor(call)
				: ProviderWire.chatCompletion("- We help.\n- We research.\n- We write.\n- Reply?");
		MessyList list = uniqueList("bullets", 8);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("bullets.csv")), ResultFormat.CSV, 3, 2);

		JobExecution execution = jobs.run(request);

		List<List<String>> result = jobs.result(request);
		int research = result.get(0).indexOf("sif_research");
		List<List<String>> failed = result.stream()
			.skip(1)
			.filter(row -> "failed".equals(OutputContract.status(row)))
			.toList();
		assertThat(failed).isNotEmpty();
		assertThat(failed).extracting(row -> row.get(research)).containsOnly("");
		assertThat(RunContext.rows(execution).charged()).isZero();
	}

	/**
	 * A list whose people appear in no other test, so the shared cache starts cold for
	 * it.
	 */
	private static MessyList uniqueList(String tag, int rows) {
		MessyList list = MessyList.of(rows, 100);
		List<List<String>> tagged = list.dataRows().stream().map(row -> {
			List<String> copy = new java.util.ArrayList<>(row);
			if (copy.size() > MessyList.EMAIL_COLUMN && copy.get(MessyList.EMAIL_COLUMN).contains("@")) {
				copy.set(MessyList.EMAIL_COLUMN, tag + "-" + copy.get(MessyList.EMAIL_COLUMN));
				// why: research searches by name and company, so both are unique too
				copy.set(1, tag + copy.get(1));
				copy.set(2, copy.get(2) + " " + tag);
			}
			return copy;
		}).toList();
		return new MessyList(list.header(), tagged);
	}

	private Map<?, ?> summary(EnrichmentRequest request) throws IOException {
		try (InputStream in = store.open(request.workArea().summaryKey())) {
			return JsonMapper.shared().readValue(in, Map.class);
		}
	}

	/**
	 * Serper allowing {@code perSecond} searches a second; beyond that a real 429 with
	 * Retry-After: 1.
	 */
	static final class RateLimitedSerper implements java.util.function.Function<String, MockResponse> {

		final AtomicInteger rejected = new AtomicInteger();

		private final int perSecond;

		private long window;

		private int used;

		RateLimitedSerper(int perSecond) {
			this.perSecond = perSecond;
		}

		@Override
		public synchronized MockResponse apply(String query) {
			long second = System.currentTimeMillis() / 1000;
			if (second != window) {
				window = second;
				used = 0;
			}
			if (++used > perSecond) {
				rejected.incrementAndGet();
				return new MockResponse.Builder().code(429)
					.addHeader("Retry-After", "1")
					.addHeader("Content-Type", "application/json")
					.body("{\"message\":\"Too many requests\",\"statusCode\":429}")
					.build();
			}
			return ProviderWire.searchResultsFor(query);
		}

	}

}
