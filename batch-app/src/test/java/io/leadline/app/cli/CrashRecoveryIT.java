package io.leadline.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import mockwebserver3.MockResponse;

import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;

/**
 * A JVM killed with kill -9 in the middle of a job loses nothing: after {@code restart}
 * the result has every row once and in order, and rows committed before the kill are not
 * researched again.
 */
class CrashRecoveryIT {

	private static final int ROWS = 120;

	private static final int CHUNK = 5;

	private static final int PARTITIONS = 4;

	// why: the list's Name column is the person's, so research searches by it
	private static final Pattern PERSON_QUERY = Pattern.compile("\"Person (\\d+)\" co\\d+\\.example");

	@TempDir
	Path work;

	FakeProviders providers = startProviders();

	@AfterEach
	void stopProviders() {
		providers.close();
	}

	@Test
	void aJobKilledMidRunResumesFromItsLastCommitWithoutLosingOrRepeatingRows() throws Exception {
		slowProviders();
		Path data = Files.createDirectories(work.resolve("data"));
		LeadlineProcess leadline = new LeadlineProcess(data,
				Map.of("SERPER_API_KEY", FakeProviders.SERPER_KEY, "GROQ_API_KEY", FakeProviders.GROQ_KEY,
						"LEADLINE_SERPER_URL", providers.settings().serperUrl(), "LEADLINE_GROQ_URL",
						providers.settings().groqUrl(), "LEADLINE_CHUNK_SIZE", "" + CHUNK, "LEADLINE_PARTITIONS",
						"" + PARTITIONS, "LEADLINE_RESEARCH_CONCURRENCY", "8",
						// why: with the answer cache on, a redone row would not reach the
						// provider and this test would not see it
						"LEADLINE_RESEARCH_CACHE", "false"));
		Path out = work.resolve("result.csv");

		LeadlineProcess.Running running = leadline.start("enrich", list().toString(), "--out", out.toString());
		awaitCommittedChunks(data, 6, running);
		running.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		String jobId = jobIdIn(Files.readString(running.out()));
		Set<Integer> committed = committedRows(data);
		int queriesBeforeRestart = providers.searchQueries().size();

		var restarted = leadline.run("restart", jobId);

		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		List<CSVRecord> rows = csv(out);
		assertThat(rows).extracting(r -> r.get("Email"))
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, ROWS).mapToObj(CrashRecoveryIT::email).toList());
		assertThat(rows).extracting(r -> r.get("sif_status")).containsOnly("ok");
		List<String> afterRestart = providers.searchQueries()
			.subList(queriesBeforeRestart, providers.searchQueries().size());
		assertThat(committed).isNotEmpty().hasSizeLessThan(ROWS);
		assertThat(personRows(afterRestart)).as("rows researched again after the restart")
			.doesNotContainAnyElementsOf(committed);
		assertThat(personRows(afterRestart)).hasSizeGreaterThanOrEqualTo(ROWS - committed.size());
		assertThat(ledger(data, jobId)).as("one reservation, one settlement: all rows ok, all charged")
			.containsExactlyInAnyOrder("RESERVE " + -ROWS, "SETTLE 0");
	}

	@Test
	void aBatchModeJobKilledWhileItsBatchRunsResumesItOnRestartAndSubmitsNothingTwice() throws Exception {
		providers.batches.hold = true;
		Path data = Files.createDirectories(work.resolve("data"));
		LeadlineProcess leadline = new LeadlineProcess(data,
				Map.of("SERPER_API_KEY", FakeProviders.SERPER_KEY, "GROQ_API_KEY", FakeProviders.GROQ_KEY,
						"LEADLINE_SERPER_URL", providers.settings().serperUrl(), "LEADLINE_GROQ_URL",
						providers.settings().groqUrl(), "LEADLINE_CHUNK_SIZE", "" + CHUNK, "LEADLINE_PARTITIONS",
						"" + PARTITIONS, "LEADLINE_BATCH_POLLFIRST", "50ms", "LEADLINE_BATCH_POLLMAX", "200ms"));
		Path out = work.resolve("result.csv");

		LeadlineProcess.Running running = leadline.start("enrich", list().toString(), "--out", out.toString(), "--mode",
				"batch");
		await().atMost(LeadlineProcess.HANG_GUARD)
			.until(() -> providers.batches.statuses().contains("in_progress") || !running.process().isAlive());
		String jobId = jobIdIn(Files.readString(running.out()));
		var show = leadline.run("show", jobId);
		running.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		providers.batches.release();
		var restarted = leadline.run("restart", jobId);

		assertThat(show.out()).as(show.err())
			.contains("batch mode: round company, 10 requests at the provider")
			.containsPattern("batch_\\d+ +company +in_progress +10");
		assertThat(restarted.exitCode()).as(restarted.out() + restarted.err()).isZero();
		assertThat(csv(out)).extracting(r -> r.get("Email"))
			.containsExactlyElementsOf(
					java.util.stream.IntStream.rangeClosed(1, ROWS).mapToObj(CrashRecoveryIT::email).toList());
		assertThat(csv(out)).extracting(r -> r.get("sif_status")).containsOnly("ok");
		assertThat(providers.batches.submittedIds()).as("every request sent once, in one batch per round")
			.doesNotHaveDuplicates()
			.hasSize(10 + ROWS + ROWS);
		assertThat(providers.batches.batchesCreated()).isEqualTo(3);
		assertThat(providers.chatCalls()).as("live chat completions").isEmpty();
	}

	@Test
	void theServerRestartsAJobWhoseProcessDiedWhenItStarts() throws Exception {
		slowProviders();
		Path data = Files.createDirectories(work.resolve("data"));
		Map<String, String> env = new java.util.HashMap<>(Map.of("SERPER_API_KEY", FakeProviders.SERPER_KEY,
				"GROQ_API_KEY", FakeProviders.GROQ_KEY, "LEADLINE_SERPER_URL", providers.settings().serperUrl(),
				"LEADLINE_GROQ_URL", providers.settings().groqUrl(), "LEADLINE_CHUNK_SIZE", "" + CHUNK,
				"LEADLINE_PARTITIONS", "" + PARTITIONS, "LEADLINE_RESEARCH_CONCURRENCY", "8"));
		env.put("LEADLINE_PORT", "0");
		env.put("LEADLINE_JWT_SECRET", "a-test-secret-that-is-at-least-32-bytes-long");
		env.put("LEADLINE_JWT_ISSUER", "https://leadline.test/auth/v1");
		env.put("LEADLINE_JWT_AUDIENCE", "authenticated");
		LeadlineProcess leadline = new LeadlineProcess(data, env);
		Path out = work.resolve("result.csv");
		LeadlineProcess.Running killed = leadline.start("enrich", list().toString(), "--out", out.toString());
		awaitCommittedChunks(data, 2, killed);
		killed.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		String jobId = jobIdIn(Files.readString(killed.out()));

		LeadlineProcess.Running server = leadline.start("serve");
		try {
			// why: only once the server holds the database may this test open it beside
			// the server
			awaitLine(server, "Started LeadlineApplication");
			awaitStatus(data, jobId, "COMPLETED");
		}
		finally {
			server.process().destroy();
			server.process().waitFor(30, TimeUnit.SECONDS);
		}

		assertThat(csv(out)).extracting(r -> r.get("sif_status")).hasSize(ROWS).containsOnly("ok");
		assertThat(ledger(data, jobId)).containsExactlyInAnyOrder("RESERVE " + -ROWS, "SETTLE 0");
	}

	private static void awaitLine(LeadlineProcess.Running process, String line) throws Exception {
		long deadline = System.nanoTime() + LeadlineProcess.HANG_GUARD.toNanos();
		while (!Files.readString(process.out()).contains(line)) {
			if (!process.process().isAlive() || System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"no '" + line + "' from a process that " + (process.process().isAlive() ? "hung" : "ended")
								+ ":\n" + Files.readString(process.out()) + Files.readString(process.err()));
			}
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	/** Waits until the job's latest execution has the given Batch status. */
	private static void awaitStatus(Path data, String jobId, String status) throws Exception {
		long deadline = System.nanoTime() + LeadlineProcess.HANG_GUARD.toNanos();
		String last = null;
		while (System.nanoTime() < deadline) {
			try (Connection db = open(data);
					var query = db.prepareStatement("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e "
							+ "JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID "
							+ "WHERE p.PARAMETER_NAME = 'jobId' AND p.PARAMETER_VALUE = ? ORDER BY e.JOB_EXECUTION_ID DESC")) {
				query.setString(1, jobId);
				try (ResultSet rs = query.executeQuery()) {
					last = rs.next() ? rs.getString(1) : null;
				}
			}
			if (status.equals(last)) {
				return;
			}
			TimeUnit.MILLISECONDS.sleep(250);
		}
		throw new IllegalStateException("job " + jobId + " is " + last + ", not " + status + ": hung");
	}

	@Test
	void neverTouchesAJobThatALiveProcessIsRunning() throws Exception {
		slowProviders();
		Path data = Files.createDirectories(work.resolve("data"));
		LeadlineProcess leadline = new LeadlineProcess(data,
				Map.of("SERPER_API_KEY", FakeProviders.SERPER_KEY, "GROQ_API_KEY", FakeProviders.GROQ_KEY,
						"LEADLINE_SERPER_URL", providers.settings().serperUrl(), "LEADLINE_GROQ_URL",
						providers.settings().groqUrl(), "LEADLINE_CHUNK_SIZE", "" + CHUNK, "LEADLINE_PARTITIONS",
						"" + PARTITIONS, "LEADLINE_RESEARCH_CONCURRENCY", "3"));
		LeadlineProcess.Running running = leadline.start("enrich", list().toString());
		awaitCommittedChunks(data, 1, running);
		String jobId = jobIdIn(Files.readString(running.out()));
		// why: the job must still run however slowly three more JVMs start on a busy
		// machine, so its
		// next searches wait for the checks (well within the 60 s read timeout)
		CountDownLatch checked = new CountDownLatch(1);
		providers.serper = query -> {
			awaitQuietly(checked, 45);
			return ProviderWire.searchResultsFor(query);
		};

		var restart = leadline.run("restart", jobId);
		var abandon = leadline.run("abandon", jobId);
		var show = leadline.run("show", jobId);
		checked.countDown();

		assertThat(restart.exitCode()).isEqualTo(2);
		assertThat(restart.err()).contains("job is running in pid " + running.process().pid());
		assertThat(abandon.exitCode()).isEqualTo(2);
		assertThat(show.out()).contains("running").contains("enrichWorker:partition0000");
		var finished = running.await("enrich");
		assertThat(finished.exitCode()).as(finished.err()).isZero();
		assertThat(finished.out()).contains("rows: " + ROWS + " ok");
	}

	private void slowProviders() {
		providers.serper = query -> slow(ProviderWire.searchResultsFor(query), 60);
		providers.groq = call -> slow(ProviderWire.answerFor(call), 60);
	}

	private static void awaitQuietly(CountDownLatch latch, long seconds) {
		try {
			latch.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static MockResponse slow(MockResponse response, long millis) {
		return response.newBuilder().headersDelay(millis, TimeUnit.MILLISECONDS).build();
	}

	private Path list() throws IOException {
		StringBuilder csv = new StringBuilder("Name,Email\n");
		for (int i = 1; i <= ROWS; i++) {
			csv.append("Person ").append(i).append(',').append(email(i)).append('\n');
		}
		return Files.writeString(work.resolve("list.csv"), csv, StandardCharsets.UTF_8);
	}

	private static String email(int row) {
		return "p" + row + ".lee@co" + (row % 10) + ".example";
	}

	/**
	 * Waits until the job has written some chunk objects, or its process ended without
	 * (then says what it printed). The slow fake providers keep it from finishing first.
	 */
	private static void awaitCommittedChunks(Path data, int chunks, LeadlineProcess.Running job)
			throws IOException, InterruptedException {
		long deadline = System.nanoTime() + LeadlineProcess.HANG_GUARD.toNanos();
		while (committedChunks(data) < chunks) {
			if (!job.process().isAlive()) {
				throw new IllegalStateException("the job ended before writing " + chunks + " chunks: "
						+ Files.readString(job.out()) + Files.readString(job.err()));
			}
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(
						"the job hung: no " + chunks + " chunks in " + LeadlineProcess.HANG_GUARD);
			}
			TimeUnit.MILLISECONDS.sleep(20);
		}
	}

	private static long committedChunks(Path data) throws IOException {
		Path objects = data.resolve("objects").resolve("work");
		if (!Files.isDirectory(objects)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(objects)) {
			return files.filter(p -> p.toString().contains("chunks") && Files.isRegularFile(p)).count();
		}
	}

	/**
	 * Rows whose chunk committed, from Batch's own write counts: pending rows are dealt
	 * to partitions in blocks of one chunk, round robin, and a partition commits its rows
	 * in order.
	 */
	private static Set<Integer> committedRows(Path data) throws SQLException {
		Set<Integer> rows = new HashSet<>();
		try (Connection db = open(data);
				ResultSet rs = db.createStatement()
					.executeQuery(
							"SELECT STEP_NAME, WRITE_COUNT FROM BATCH_STEP_EXECUTION WHERE STEP_NAME LIKE 'enrichWorker:%'")) {
			while (rs.next()) {
				int partition = Integer.parseInt(rs.getString(1).replaceAll("\\D", ""));
				long written = rs.getLong(2);
				for (int k = 0; k < written; k++) {
					int block = partition + (k / CHUNK) * PARTITIONS;
					rows.add(block * CHUNK + k % CHUNK + 1);
				}
			}
		}
		return rows;
	}

	private static List<String> ledger(Path data, String jobId) throws SQLException {
		List<String> entries = new java.util.ArrayList<>();
		try (Connection db = open(data);
				var query = db.prepareStatement("SELECT kind, delta FROM ledger WHERE job_id = ?")) {
			query.setString(1, jobId);
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					entries.add(rs.getString(1) + " " + rs.getLong(2));
				}
			}
		}
		return entries;
	}

	/** The app's database as the app opens it: user sa with the password it generated. */
	private static Connection open(Path data) throws SQLException {
		try {
			return DriverManager.getConnection(h2Url(data), "sa",
					Files.readString(data.resolve("leadline.password")).strip());
		}
		catch (IOException e) {
			throw new SQLException("the app has not written its database password", e);
		}
	}

	private static String h2Url(Path data) {
		return "jdbc:h2:file:" + data.resolve("leadline").toAbsolutePath() + ";AUTO_SERVER=TRUE";
	}

	private static Set<Integer> personRows(List<String> queries) {
		Set<Integer> rows = new HashSet<>();
		for (String query : queries) {
			Matcher m = PERSON_QUERY.matcher(query);
			if (m.matches()) {
				rows.add(Integer.parseInt(m.group(1)));
			}
		}
		return rows;
	}

	private static String jobIdIn(String out) {
		Matcher m = Pattern.compile("job ([0-9a-f-]{36}) started").matcher(out);
		assertThat(m.find()).as(out).isTrue();
		return m.group(1);
	}

	private static FakeProviders startProviders() {
		try {
			return new FakeProviders();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static List<CSVRecord> csv(Path file) throws IOException {
		try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8,
				CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
			return parser.getRecords();
		}
	}

}
