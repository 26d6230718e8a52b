package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadline.jobs.EngineTestApplication;
import io.leadline.jobs.input.EmailAddress;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Whole enrichment jobs against loopback Serper and Groq fakes: the output contract on messy
 * input, per-row research under concurrency, row failures that do not fail the job, and restart
 * after a fatal provider error.
 */
@SpringBootTest(classes = EngineTestApplication.class, properties = {
		"spring.datasource.url=jdbc:h2:mem:engine;DB_CLOSE_DELAY=-1",
		"spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}", "spring.batch.job.enabled=false",
		"leadline.enrichment.retry-delay=5ms", "leadline.enrichment.retry-max-delay=20ms",
		"leadline.enrichment.concurrency=16" })
class EnrichmentJobIT {

	static final FakeProviders providers = startProviders();

	@TempDir
	static Path objects;

	@TempDir
	Path files;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	Job enrichmentJob;

	@Autowired
	ObjectStore store;

	JobHarness jobs;

	static FakeProviders startProviders() {
		try {
			return new FakeProviders();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	@DynamicPropertySource
	static void providerEndpoints(DynamicPropertyRegistry registry) {
		registry.add("SERPER_API_KEY", () -> FakeProviders.SERPER_KEY);
		registry.add("GROQ_API_KEY", () -> FakeProviders.GROQ_KEY);
		registry.add("LEADLINE_SERPER_URL", () -> providers.settings().serperUrl());
		registry.add("LEADLINE_GROQ_URL", () -> providers.settings().groqUrl());
		registry.add("leadline.storage.root", () -> objects.toString());
	}

	@AfterAll
	static void stopProviders() {
		providers.close();
	}

	@BeforeEach
	void normalProviders() {
		jobs = new JobHarness(jobOperator, enrichmentJob, store);
		providers.serper = ProviderWire::searchResultsFor;
		providers.groq = ProviderWire::answerFor;
	}

	@Test
	void returnsEveryRowOfAMessyCsvOnceInOrderWithItsOwnResearch() throws Exception {
		MessyList list = MessyList.of(60);
		Path file = list.writeCsv(files.resolve("messy.csv"));
		EnrichmentRequest request = jobs.request(file, ResultFormat.CSV, 4, 3);

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertFollowsOutputContract(jobs.result(request), list);
	}

	@Test
	void returnsEveryRowOfAnXlsxOnceInOrderAsXlsx() throws Exception {
		MessyList list = MessyList.of(30, 32_000);
		Path file = list.writeXlsx(files.resolve("list.xlsx"));
		EnrichmentRequest request = jobs.request(file, ResultFormat.XLSX, 5, 2);

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		assertFollowsOutputContract(jobs.result(request), list);
	}

	@Test
	void keepsARowWhoseProviderKeepsFailingAsFailedAndCompletesTheJob() throws Exception {
		MessyList list = MessyList.of(12);
		String unlucky = EmailAddress.user(list.email(5));
		providers.serper = query -> query.startsWith(unlucky + " ")
				? ProviderWire.json(503, "{\"message\":\"Service Unavailable\"}") : ProviderWire.searchResultsFor(query);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("l.csv")), ResultFormat.CSV, 3, 2);
		int queriesBefore = providers.searchQueries().size();

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<List<String>> result = jobs.result(request);
		List<String> row5 = result.get(list.resultIndexOf(5));
		assertThat(status(row5)).isEqualTo("failed");
		assertThat(reason(row5)).contains("serper").contains("503");
		List<String> queries = providers.searchQueries();
		assertThat(queries.subList(queriesBefore, queries.size()).stream().filter(q -> q.startsWith(unlucky + " ")))
			.as("bounded retries: first try + 3 retries").hasSize(4);
		assertFollowsOutputContract(result, list);
	}

	@Test
	void restartsAfterABadKeyFromTheLastCommitWithoutRepeatingCommittedRows() throws Exception {
		MessyList list = MessyList.of(80);
		AtomicInteger chats = new AtomicInteger();
		providers.groq = call -> chats.incrementAndGet() > 40
				? ProviderWire.json(401, "{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
				: ProviderWire.answerFor(call);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("l.csv")), ResultFormat.CSV, 4, 2);

		JobExecution failed = jobs.run(request);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(failed.getExitStatus().getExitDescription()).contains("401");
		Set<String> committedEmails = committedEmails(request);
		assertThat(committedEmails).isNotEmpty();

		int callsBefore = providers.searchQueries().size();
		providers.groq = ProviderWire::answerFor;
		JobExecution restarted = jobs.restart(failed);

		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		List<String> queriesAfterRestart = providers.searchQueries().subList(callsBefore, providers.searchQueries().size());
		Set<String> researchedAgain = queriesAfterRestart.stream()
			.filter(q -> q.contains(" "))
			.map(q -> q.substring(0, q.indexOf(' ')))
			.collect(Collectors.toSet());
		assertThat(researchedAgain).doesNotContainAnyElementsOf(
				committedEmails.stream().map(EmailAddress::user).collect(Collectors.toSet()));
		assertFollowsOutputContract(jobs.result(request), list);
	}

	private Set<String> committedEmails(EnrichmentRequest request) throws IOException {
		Set<String> emails = new java.util.HashSet<>();
		for (var info : store.list(request.workArea().chunkPrefix())) {
			try (var reader = new WorkFile.Reader<>(store.open(info.key()), RowRecord::fromFields)) {
				reader.forEachRemaining(row -> {
					if (row.status() == RowStatus.OK) {
						emails.add(row.cells().get(MessyList.EMAIL_COLUMN).trim().toLowerCase());
					}
				});
			}
		}
		return emails;
	}

	/** Every data row once, in input order, with its original cells, then its own research and line. */
	private static void assertFollowsOutputContract(List<List<String>> result, MessyList list) {
		List<String> header = result.get(0);
		assertThat(header).startsWith(list.header().toArray(String[]::new));
		assertThat(header).endsWith("sif_research", "sif_personalized", "sif_status", "sif_reason");
		List<List<String>> rows = result.subList(1, result.size());
		assertThat(rows).hasSize(list.dataRows().size());
		for (int i = 0; i < rows.size(); i++) {
			List<String> row = rows.get(i);
			List<String> expected = list.dataRows().get(i);
			int originalWidth = header.size() - 4;
			List<String> originals = new ArrayList<>(row.subList(0, originalWidth));
			List<String> padded = new ArrayList<>(expected);
			while (padded.size() < originalWidth) {
				padded.add("");
			}
			assertThat(originals).as("row %d cells", i + 1).isEqualTo(padded);
			String status = status(row);
			assertThat(status).as("row %d status", i + 1).isIn("ok", "invalid", "duplicate", "failed");
			if (status.equals("duplicate")) {
				List<String> first = rows.get(MessyList.FIRST_OF_DUPLICATE - 1);
				assertThat(row.get(header.size() - 4)).as("duplicate takes the first occurrence's research")
					.isEqualTo(first.get(header.size() - 4));
			}
			if (status.equals("ok")) {
				String person = ProviderWire.personName(EmailAddress.user(EmailAddress.clean(list.emailOf(expected)).get()));
				assertThat(row.get(header.size() - 4)).as("row %d research", i + 1).contains(person);
				assertThat(row.get(header.size() - 3)).as("row %d opener", i + 1).contains(person);
			}
		}
		assertThat(rows).extracting(EnrichmentJobIT::status).contains("invalid", "duplicate");
	}

	private static String status(List<String> row) {
		return row.get(row.size() - 2);
	}

	private static String reason(List<String> row) {
		return row.get(row.size() - 1);
	}
}
