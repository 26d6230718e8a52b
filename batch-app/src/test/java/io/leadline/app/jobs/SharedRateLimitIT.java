package io.leadline.app.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.leadline.app.LeadlineApplication;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.ratelimit.EmbeddedRedis;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;

/**
 * Two app instances on one database, store and Redis, as in production, run a list each
 * at the same time: together they stay within one provider budget. (Each instance's own
 * database would not do in one test JVM: Spring Batch keeps step contexts in a JVM-wide
 * map keyed by execution id, and two databases hand out the same ids.)
 */
class SharedRateLimitIT {

	/**
	 * why: 240 a minute is 4 a second, little enough to see within seconds what a minute
	 * would show
	 */
	static final int REQUESTS_PER_MINUTE = 240;

	static final int ROWS_PER_INSTANCE = 12;

	static final int ROWS_IN_FLIGHT = 4;

	static EmbeddedRedis redis;

	static FakeProviders providers;

	@TempDir
	Path files;

	final List<Long> serperCalls = Collections.synchronizedList(new ArrayList<>());

	final List<Long> groqCalls = Collections.synchronizedList(new ArrayList<>());

	final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startRedisAndProviders() throws Exception {
		redis = new EmbeddedRedis();
		providers = new FakeProviders();
	}

	@AfterAll
	static void stopRedisAndProviders() throws Exception {
		providers.close();
		redis.close();
	}

	@AfterEach
	void stopInstances() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void twoInstancesTogetherStayWithinOneRequestsPerMinuteLimit() throws Exception {
		providers.serper = query -> {
			serperCalls.add(System.nanoTime());
			return ProviderWire.searchResultsFor(query);
		};
		providers.groq = call -> {
			groqCalls.add(System.nanoTime());
			return ProviderWire.answerFor(call);
		};
		var first = instance();
		var second = instance();
		Path firstList = list("first");
		Path secondList = list("second");

		ExecutorService pool = Executors.newFixedThreadPool(2);
		Future<JobExecution> firstJob = pool.submit(() -> run(first, firstList));
		Future<JobExecution> secondJob = pool.submit(() -> run(second, secondList));
		assertThat(firstJob.get(10, TimeUnit.MINUTES).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertThat(secondJob.get(10, TimeUnit.MINUTES).getStatus()).isEqualTo(BatchStatus.COMPLETED);
		pool.shutdown();

		// why: in any 3 s, one budget of 4 a second lets through 12 plus its 2 s burst
		// (8); two budgets of their own would let through twice that. The fake sees a
		// call
		// when it arrives, not when the budget admitted it: on a loaded machine admitted
		// calls can bunch on their way, at most one per row in flight in each instance.
		int mostInOneWindow = 12 + 8 + 1 + 2 * ROWS_IN_FLIGHT;
		assertThat(serperCalls.size()).as("Serper calls of both jobs").isGreaterThan(2 * (12 + 8 + 1));
		assertThat(busiest(serperCalls, 3)).as("Serper calls in the busiest 3 s").isLessThanOrEqualTo(mostInOneWindow);
		assertThat(busiest(groqCalls, 3)).as("Groq calls in the busiest 3 s").isLessThanOrEqualTo(mostInOneWindow);
	}

	private ConfigurableApplicationContext instance() throws Exception {
		var context = new SpringApplicationBuilder(LeadlineApplication.class).web(WebApplicationType.NONE)
			// why: default properties rank below application.yml, so set the variables
			// its placeholders read
			.properties("LEADLINE_DATA_DIR=" + files.resolve("data"), "LEADLINE_REDIS_URL=" + redis.url(),
					"LEADLINE_SERPER_RPM=" + REQUESTS_PER_MINUTE, "LEADLINE_GROQ_RPM=" + REQUESTS_PER_MINUTE,
					"LEADLINE_RESEARCH_CACHE=false", "LEADLINE_RESEARCH_CONCURRENCY=" + ROWS_IN_FLIGHT,
					"SERPER_API_KEY=" + FakeProviders.SERPER_KEY, "GROQ_API_KEY=" + FakeProviders.GROQ_KEY,
					"LEADLINE_SERPER_URL=" + providers.settings().serperUrl(),
					"LEADLINE_GROQ_URL=" + providers.settings().groqUrl())
			.run();
		instances.add(context);
		return context;
	}

	private Path list(String name) throws Exception {
		var csv = new StringBuilder("Name,Email,Company\n");
		for (int row = 0; row < ROWS_PER_INSTANCE; row++) {
			csv.append("Pat %s%d,pat%d@%s%d.example,%s %d Ltd\n".formatted(name, row, row, name, row, name, row));
		}
		return Files.writeString(files.resolve(name + ".csv"), csv);
	}

	private static JobExecution run(ConfigurableApplicationContext instance, Path list) throws Exception {
		var intake = instance.getBean(ListIntake.class);
		return intake.start(intake.prepareLocal(list, ListOptions.defaults().withFormat(ResultFormat.CSV)));
	}

	/** The most calls that fell within any {@code seconds}-long window. */
	private static int busiest(List<Long> calls, int seconds) {
		List<Long> sorted = calls.stream().sorted().toList();
		long window = TimeUnit.SECONDS.toNanos(seconds);
		int most = 0;
		int start = 0;
		for (int end = 0; end < sorted.size(); end++) {
			while (sorted.get(end) - sorted.get(start) >= window) {
				start++;
			}
			most = Math.max(most, end - start + 1);
		}
		return most;
	}

}
