package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadline.jobs.credits.CreditLedger;
import io.leadline.jobs.credits.LedgerEntry;
import io.leadline.jobs.credits.LedgerKind;
import io.leadline.jobs.input.EmailAddress;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Whole enrichment jobs against loopback Serper and Groq fakes: the output contract on
 * messy input, per-row research under concurrency, row failures that do not fail the job,
 * and restart after a fatal provider error.
 */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:engine;DB_CLOSE_DELAY=-1",
		"leadline.research.concurrency=16", "leadline.research.cache=false" })
class EnrichmentJobIT extends JobIT {

	@Autowired
	CreditLedger credits;

	@Autowired
	JobLog jobLog;

	@Test
	void returnsEveryRowOfAMessyCsvOnceInOrderWithItsOwnResearch() throws Exception {
		MessyList list = MessyList.of(60);
		Path file = list.writeCsv(files.resolve("messy.csv"));
		EnrichmentRequest request = jobs.request(file, ResultFormat.CSV, 4, 3);

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		OutputContract.assertFollowedBy(jobs.result(request), list);
	}

	@Test
	void returnsEveryRowOfAnXlsxOnceInOrderAsXlsx() throws Exception {
		MessyList list = MessyList.of(30, 32_000);
		Path file = list.writeXlsx(files.resolve("list.xlsx"));
		EnrichmentRequest request = jobs.request(file, ResultFormat.XLSX, 5, 2);

		JobExecution execution = jobs.run(request);

		assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		OutputContract.assertFollowedBy(jobs.result(request), list);
	}

	@Test
	void keepsARowWhoseProviderKeepsFailingAsFailedAndCompletesTheJob() throws Exception {
		MessyList list = MessyList.of(12);
		String unlucky = "\"" + list.dataRows().get(4).get(0) + " " + list.dataRows().get(4).get(1) + "\"";
		providers.serper = query -> query.startsWith(unlucky + " ")
				? ProviderWire.json(503, "{\"message\":\"Service Unavailable\"}")
				: ProviderWire.searchResultsFor(query);
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
			.as("bounded retries: first try + 3 retries")
			.hasSize(4);
		assertThat(jobLog.lines(request.jobId())).extracting(JobLog.Line::message)
			.anySatisfy(line -> assertThat(line).startsWith("run ").contains("started"))
			.anySatisfy(line -> assertThat(line).startsWith("partition 0: rows "))
			.anySatisfy(line -> assertThat(line).startsWith("retry 3 of a row after: ").contains("503"))
			.last()
			.asString()
			.endsWith("completed");
		OutputContract.assertFollowedBy(result, list, Map.of(5, "failed"));
	}

	@Test
	void restartsAfterABadKeyFromTheLastCommitWithoutRepeatingCommittedRows() throws Exception {
		MessyList list = MessyList.of(80);
		AtomicInteger chats = new AtomicInteger();
		providers.groq = call -> chats.incrementAndGet() > 40 ? ProviderWire.json(401,
				"{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\",\"code\":\"invalid_api_key\"}}")
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
		long rows = list.dataRows().size();
		long ok = OutputContract.statuses(jobs.result(request)).stream().filter("ok"::equals).count();
		List<LedgerEntry> entries = credits.jobEntries(request.jobId());
		assertThat(entries).as("the failure gave back the rows not done, the restart reserved them again")
			.extracting(LedgerEntry::kind)
			.containsExactly(LedgerKind.RESERVE, LedgerKind.RETURN, LedgerKind.RESERVE, LedgerKind.SETTLE);
		assertThat(entries.get(0).delta()).isEqualTo(-rows);
		assertThat(entries.get(1).delta()).as("committed rows stay held").isLessThan(rows);
		assertThat(entries.get(2).delta()).isEqualTo(-entries.get(1).delta());
		assertThat(entries.get(3).delta()).as("settled once charging ok rows only").isEqualTo(rows - ok);
		List<String> queriesAfterRestart = providers.searchQueries()
			.subList(callsBefore, providers.searchQueries().size());
		Set<String> researchedAgain = queriesAfterRestart.stream()
			.filter(q -> q.contains(" "))
			.map(q -> q.substring(0, q.indexOf(' ')))
			.collect(Collectors.toSet());
		assertThat(researchedAgain)
			.doesNotContainAnyElementsOf(committedEmails.stream().map(EmailAddress::user).collect(Collectors.toSet()));
		OutputContract.assertFollowedBy(jobs.result(request), list);
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

	private static String status(List<String> row) {
		return row.get(row.size() - 2);
	}

	private static String reason(List<String> row) {
		return row.get(row.size() - 1);
	}

}
