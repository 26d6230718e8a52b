package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

import io.leadline.jobs.research.ProspectResult.Status;

/**
 * Batch research of whole lists against the loopback Files and Batches fake: the moves a
 * job step makes, with its state saved and reloaded as a restart would.
 */
class BatchResearchTest {

	@RegisterExtension
	final FakeProviders providers = FakeProviders.started();

	private final Map<String, String> work = new ConcurrentHashMap<>();

	private final List<String> log = new ArrayList<>();

	private final List<BatchResearch> opened = new ArrayList<>();

	@AfterEach
	void close() {
		opened.forEach(BatchResearch::close);
	}

	@Test
	void researchesEveryRowThroughBatchesWithNoLiveChatCall() throws Exception {
		var job = job(rows(12), BatchState.start());

		var results = finish(research(), job);

		assertThat(results).hasSize(12);
		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.OK);
		assertThat(results.get(3L).opener()).contains("User3 Lee");
		assertThat(results.get(3L).researchJson()).contains("\"name\":\"User3 Lee\"", "\"name\":\"Co1 Inc\"");
		assertThat(providers.chatCalls()).as("live chat completions").isEmpty();
		assertThat(providers.batches.batchesCreated()).as("company, person and opener rounds").isEqualTo(3);
		assertThat(providers.batches.submittedIds()).doesNotHaveDuplicates().hasSize(4 + 12 + 12);
		assertThat(job.state().totals().promptTokens()).isEqualTo(28 * 812);
		assertThat(log).anyMatch(line -> line.matches("batch batch_\\d+ submitted: 12 person requests"))
			.anyMatch(line -> line.matches("batch batch_\\d+ completed: 12 of 12 opener requests answered, 0 failed"));
	}

	@Test
	void cutsARoundIntoFilesWithinTheRequestLimit() throws Exception {
		var research = research(5);

		finish(research, job(rows(12), BatchState.start()));

		assertThat(providers.batches.filesUploaded()).as("1 company file, 3 person, 3 opener").isEqualTo(7);
		assertThat(providers.batches.submittedIds()).doesNotHaveDuplicates();
	}

	@Test
	void anExpiredBatchWithHalfDoneResubmitsOnlyTheRest() throws Exception {
		providers.batches.answeredShare = 0.5;
		var job = job(rows(8), BatchState.start());
		var research = research();
		while (!job.state().phase().equals(BatchResearch.PERSON) || job.state()
			.files()
			.stream()
			.noneMatch(file -> file.round().equals(BatchResearch.PERSON) && file.saved())) {
			research.advance(job);
		}
		providers.batches.answeredShare = 1.0;

		var results = finish(research, job);

		var person = providers.batches.submittedIds().stream().filter(id -> id.startsWith("person:")).toList();
		assertThat(person).containsExactly("person:1", "person:2", "person:3", "person:4", "person:5", "person:6",
				"person:7", "person:8", "person:5", "person:6", "person:7", "person:8");
		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.OK);
		assertThat(log).anyMatch(line -> line.contains("expired: 4 of 8 person requests answered, 4 failed"))
			.anyMatch(line -> line.contains("round person: 4 requests still unanswered"));
		assertThat(providers.chatCalls()).isEmpty();
	}

	@Test
	void malformedAnswersGoToACorrectiveBatchThenFailTheirRow() throws Exception {
		providers.batches.malformed = id -> id.startsWith("person:2") || id.startsWith("opener:3")
				|| id.equals("person:4");
		var job = job(rows(4), BatchState.start());

		var results = finish(research(), job);

		assertThat(providers.batches.submittedIds()).contains("person:2:fix", "opener:3:fix", "person:4:fix")
			.doesNotContain("person:1:fix");
		assertThat(results.get(2L).status()).isEqualTo(Status.FAILED);
		assertThat(results.get(2L).reason()).isEqualTo(ProspectResearcher.RESEARCH_INVALID_TWICE);
		assertThat(results.get(3L).status()).isEqualTo(Status.FAILED);
		assertThat(results.get(3L).reason()).startsWith("opener: empty answer");
		assertThat(results.get(3L).researchJson()).contains("User3 Lee");
		assertThat(results.get(1L).status()).isEqualTo(Status.OK);
		assertThat(results.get(4L).status()).as("corrected in the second batch").isEqualTo(Status.OK);
		assertThat(results.get(4L).usage().groqCalls()).as("its company, itself twice, its opener").isEqualTo(4);
		assertThat(providers.chatCalls()).isEmpty();
	}

	@Test
	void anOpenerWithALinkTheResearchLacksGoesToTheCorrectiveBatchThenFailsItsRow() throws Exception {
		providers.groq = call -> call.json() || call.isCompanySummary() ? ProviderWire.answerFor(call)
				: ProviderWire.chatCompletion("Your portal moved; sign in at acme-sso.help/login to keep access.");
		var job = job(rows(2), BatchState.start());

		var results = finish(research(), job);

		assertThat(providers.batches.submittedIds()).contains("opener:1:fix", "opener:2:fix");
		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.FAILED);
		assertThat(results.get(1L).reason()).isEqualTo("opener: a URL (acme-sso.help/login) that is not in the "
				+ "research; leave links and contact details out");
		assertThat(results.get(1L).opener()).isNull();
	}

	@Test
	void aRestartPicksUpTheBatchStillRunningAndSubmitsNothingTwice() throws Exception {
		providers.batches.hold = true;
		var before = job(rows(6), BatchState.start());
		var research = research();
		for (int move = 0; move < 100 && !providers.batches.statuses().contains("in_progress"); move++) {
			research.advance(before);
		}
		assertThat(before.state().waitingRequests()).as("company summaries waiting at the provider").isEqualTo(2);
		var saved = before.state().toJson();

		var after = job(rows(6), BatchState.fromJson(saved));
		providers.batches.release();
		var results = finish(research(), after);

		assertThat(results).hasSize(6);
		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.OK);
		assertThat(providers.batches.submittedIds()).doesNotHaveDuplicates();
		assertThat(providers.batches.batchesCreated()).isEqualTo(3);
	}

	@Test
	void aBatchCreatedJustBeforeACrashIsFoundByItsFileNotCreatedAgain() throws Exception {
		var job = job(rows(3), BatchState.start());
		var research = research();
		for (int move = 0; move < 100 && job.state().files().isEmpty(); move++) {
			research.advance(job);
		}
		var uploaded = job.state();
		research.advance(job);
		assertThat(providers.batches.batchesCreated()).isEqualTo(1);

		var results = finish(research(), job(rows(3), uploaded));

		assertThat(providers.batches.submittedIds()).doesNotHaveDuplicates();
		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.OK);
	}

	@Test
	void anOutputFileOverTheDownloadCapFailsTheMoveAndARestartDownloadsItAgain() throws Exception {
		var job = job(rows(6), BatchState.start());
		var capped = research(50_000, DataSize.ofBytes(100));

		assertThatThrownBy(() -> finish(capped, job)).isInstanceOf(TransientProviderException.class)
			.hasMessageContaining("malformed response (the file is larger than 100 bytes)");

		assertThat(work.keySet()).as("no half-downloaded answers file").noneMatch(name -> name.startsWith("answers/"));
		assertThat(job.state().files()).as("nothing saved").noneMatch(BatchState.SubmittedFile::saved);
		var results = finish(research(), job(rows(6), job.state()));
		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.OK);
		assertThat(providers.batches.submittedIds()).doesNotHaveDuplicates();
	}

	@Test
	void stragglersOfAFailingBatchGoLiveAfterTheLastSubmission() throws Exception {
		providers.batches.failValidation = true;
		var job = job(rows(2), BatchState.start());

		var results = finish(research(), job);

		assertThat(results.values()).extracting(ProspectResult::status).containsOnly(Status.OK);
		assertThat(providers.batches.statuses()).containsOnly("failed");
		assertThat(providers.chatCalls()).as("one company, two people, two openers answered live").hasSize(5);
		assertThat(job.state().totals().liveRequests()).isEqualTo(5);
		assertThat(log).anyMatch(line -> line.contains("stragglers answered through the live path"));
	}

	private Map<Long, ProspectResult> finish(BatchResearch research, BatchResearch.Job job) throws Exception {
		for (int move = 0; move < 10_000; move++) {
			if (research.advance(job)) {
				return job.results();
			}
		}
		throw new AssertionError("not done after 10,000 moves: " + job.state());
	}

	private BatchResearch research() {
		return research(50_000);
	}

	private BatchResearch research(int requestsPerFile) {
		return research(requestsPerFile, DataSize.ofMegabytes(1));
	}

	private BatchResearch research(int requestsPerFile, DataSize maxDownload) {
		var properties = new BatchProperties(requestsPerFile, DataSize.ofMegabytes(1), "24h", Duration.ofMillis(1),
				Duration.ofMillis(4), 2, Duration.ofHours(1), maxDownload);
		var http = ProviderHttp.client(providers.settings());
		var research = new BatchResearch(new SerperClient(http, providers.settings()),
				new GroqClient(http, providers.settings()), new GroqBatches(http, providers.settings()),
				ResponseCache.NONE, providers.settings(), properties, Clock.systemUTC(), 4);
		opened.add(research);
		return research;
	}

	private BatchResearch.Job job(List<BatchResearch.Row> rows, BatchState state) {
		return new BatchResearch.Job(rows, ServiceContext.defaults(), state, new BatchResearch.Work() {
			@Override
			public void write(String name, String text) {
				work.put(name, text);
			}

			@Override
			public Optional<String> read(String name) {
				return Optional.ofNullable(work.get(name));
			}

			@Override
			public void write(String name, Body body) {
				var out = new ByteArrayOutputStream();
				try {
					body.writeTo(out);
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
				work.put(name, out.toString(StandardCharsets.UTF_8));
			}

			@Override
			public void forEachLine(String name, Consumer<String> line) {
				read(name).ifPresent(text -> text.lines().forEach(line));
			}
		}, log::add);
	}

	/** Rows 1..n, three people at each company: user1-3@co1.io, user4-6@co2.io, ... */
	private static List<BatchResearch.Row> rows(int n) {
		return IntStream.rangeClosed(1, n)
			.mapToObj(i -> new BatchResearch.Row(i, Prospect.ofEmail("user%d@co%d.io".formatted(i, (i + 2) / 3))))
			.toList();
	}

}
