package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;

import io.leadline.jobs.research.ProviderWire;

/**
 * Reserve before, charge ok rows after; a failure gives back at once what it did not use,
 * a restart reserves again; rows reused from the account's paid results are free; never
 * overdraw.
 */
class CreditsIT extends ApiTestBase {

	@AfterEach
	void providersAnswerAgain() {
		PROVIDERS.groq = ProviderWire::answerFor;
	}

	@Test
	void refusesAJobTheAccountCannotCoverWith402AndStartsNothing() throws IOException {
		String token = aFundedAccount("bob", 49);
		String upload = uploadSample(token);

		var reply = api.startJob(token, upload);

		assertThat(reply.status()).isEqualTo(402);
		assertThat(reply.json().path("code").asString()).isEqualTo("insufficient_credits");
		assertThat(reply.json().path("creditsRequired").asLong()).isEqualTo(50);
		assertThat(reply.json().path("creditsAvailable").asLong()).isEqualTo(49);
		assertThat(api.get("/api/jobs", token).json().path("total").asLong()).isZero();
		assertThat(balance(token)).isEqualTo(49).isEqualTo(ledgerSum(token));
	}

	@Test
	void twentyConcurrentStartsNeverOverdrawAndTheLedgerSumsToTheBalance() throws Exception {
		String token = aFundedAccount("carol", 5 * 50);
		String upload = uploadSample(token);
		CountDownLatch gate = new CountDownLatch(1);
		List<Callable<ApiClient.Reply>> starts = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			starts.add(() -> {
				gate.await();
				return api.startJob(token, upload);
			});
		}

		List<ApiClient.Reply> replies = new ArrayList<>();
		ExecutorService callers = Executors.newFixedThreadPool(20);
		try {
			List<Future<ApiClient.Reply>> pending = new ArrayList<>();
			for (Callable<ApiClient.Reply> start : starts) {
				pending.add(callers.submit(start));
			}
			gate.countDown();
			for (Future<ApiClient.Reply> reply : pending) {
				replies.add(reply.get());
			}
		}
		finally {
			callers.shutdownNow();
		}

		assertThat(replies).extracting(ApiClient.Reply::status).containsOnly(202, 402);
		assertThat(replies).filteredOn(r -> r.status() == 202).hasSize(5);
		assertThat(balance(token)).isZero().isEqualTo(ledgerSum(token));
		long charged = 0;
		for (ApiClient.Reply started : replies.stream().filter(r -> r.status() == 202).toList()) {
			var job = awaitStatus(token, started.json().path("jobId").asString(), "completed");
			// why: the same list run at once: a job settling first makes the others'
			// cached
			// rows reused (free), so how many rows each one charges depends on timing
			assertThat(job.path("credits").path("charged").asLong() + job.path("counts").path("reused").asLong())
				.isEqualTo(47);
			charged += job.path("credits").path("charged").asLong();
		}
		assertThat(charged).isGreaterThanOrEqualTo(47);
		assertThat(balance(token)).isEqualTo(5 * 50 - charged).isEqualTo(ledgerSum(token));
	}

	@Test
	void aJobFailedByARejectedKeyGivesBackTheCreditsOfRowsNotDoneAtOnce() {
		String token = aFundedAccount("dan", 6);

		String jobId = aJobFailedOnARejectedKey(token);

		var failed = api.get("/api/jobs/" + jobId, token).json();
		long done = failed.path("rows").path("done").asLong();
		assertThat(failed.path("error").asString()).contains("rejected");
		assertThat(failed.path("credits").path("reserved").asLong()).isEqualTo(done);
		assertThat(balance(token)).isEqualTo(6 - done).isEqualTo(ledgerSum(token));
		assertThat(ledgerKinds(token)).containsExactly("RETURN", "RESERVE", "GRANT");
	}

	@Test
	void restartingAFailedJobReservesTheRowsStillToDoAndChargesItsOkRows() {
		String token = aFundedAccount("dora", 6);
		String jobId = aJobFailedOnARejectedKey(token);
		PROVIDERS.groq = ProviderWire::answerFor;

		var restarted = api.post("/api/jobs/" + jobId + "/restart", token);

		assertThat(restarted.status()).as(restarted.toString()).isEqualTo(202);
		assertThat(restarted.json().path("credits").path("reserved").asLong()).isEqualTo(5);
		var completed = awaitStatus(token, jobId, "completed");
		assertThat(completed.path("counts").path("ok").asLong()).isEqualTo(5);
		assertThat(completed.path("credits").path("charged").asLong()).isEqualTo(5);
		assertThat(balance(token)).isEqualTo(1).isEqualTo(ledgerSum(token));
		assertThat(ledgerKinds(token)).containsExactly("SETTLE", "RESERVE", "RETURN", "RESERVE", "GRANT");
		assertThat(api.post("/api/jobs/" + jobId + "/restart", token).json().path("code").asString())
			.isEqualTo("not_restartable");
	}

	@Test
	void refusesARestartTheBalanceCanNoLongerCoverWith402() throws IOException {
		String token = aFundedAccount("dirk", 5);
		String jobId = aJobFailedOnARejectedKey(token);
		PROVIDERS.groq = ProviderWire::answerFor;
		awaitStatus(token, startedJob(token, uploadFresh(token, 5)), "completed");

		var restart = api.post("/api/jobs/" + jobId + "/restart", token);

		assertThat(restart.status()).as(restart.toString()).isEqualTo(402);
		assertThat(restart.json().path("code").asString()).isEqualTo("insufficient_credits");
		assertThat(api.get("/api/jobs/" + jobId, token).json().path("status").asString()).isEqualTo("failed");
		assertThat(balance(token)).isZero().isEqualTo(ledgerSum(token));
	}

	@Test
	void releasesWhatAFailedJobStillHoldsWhenItIsAbandoned() {
		String token = aFundedAccount("eve", 5);
		String jobId = aJobFailedOnARejectedKey(token);

		var abandoned = api.post("/api/jobs/" + jobId + "/abandon", token);

		assertThat(abandoned.status()).as(abandoned.toString()).isEqualTo(200);
		assertThat(abandoned.json().path("status").asString()).isEqualTo("abandoned");
		assertThat(abandoned.json().path("credits").path("released").asBoolean()).isTrue();
		assertThat(balance(token)).isEqualTo(5).isEqualTo(ledgerSum(token));
		assertThat(api.post("/api/jobs/" + jobId + "/restart", token).status()).isEqualTo(409);
	}

	@Test
	void aSecondRunOfTheSameListBySameAccountChargesNothingForTheRowsItReused() {
		String token = aFundedAccount("rita", 20);
		String list = aFreshList(5);
		var first = awaitStatus(token, startedJob(token, uploadCsv(token, list)), "completed");

		var second = awaitStatus(token, startedJob(token, uploadCsv(token, list)), "completed");

		assertThat(first.path("credits").path("charged").asLong()).isEqualTo(5);
		assertThat(second.path("counts").path("ok").asLong()).isEqualTo(5);
		assertThat(second.path("counts").path("reused").asLong()).isEqualTo(5);
		assertThat(second.path("credits").path("charged").asLong()).isZero();
		assertThat(second.path("usage").path("groqCalls").asLong()).as("answered by the cache").isZero();
		assertThat(balance(token)).isEqualTo(15).isEqualTo(ledgerSum(token));
		assertThat(api.get("/api/account/ledger", token).json().path(0).path("reason").asString())
			.contains("5 rows reused");
	}

	@Test
	void anotherAccountRunningTheSameListIsChargedForEveryRow() {
		String list = aFreshList(5);
		String owner = aFundedAccount("ron", 5);
		awaitStatus(owner, startedJob(owner, uploadCsv(owner, list)), "completed");
		String other = aFundedAccount("sam", 5);

		var theirs = awaitStatus(other, startedJob(other, uploadCsv(other, list)), "completed");

		assertThat(theirs.path("usage").path("groqCalls").asLong()).as("answered by the cache").isZero();
		assertThat(theirs.path("counts").path("reused").asLong()).isZero();
		assertThat(theirs.path("credits").path("charged").asLong()).isEqualTo(5);
		assertThat(balance(other)).isZero().isEqualTo(ledgerSum(other));
	}

	/** The kinds of the account's ledger rows, newest first. */
	private List<String> ledgerKinds(String token) {
		List<String> kinds = new ArrayList<>();
		for (var entry : api.get("/api/account/ledger", token).json()) {
			kinds.add(entry.path("kind").asString());
		}
		return kinds;
	}

	/**
	 * A 5-row job whose Groq key was rejected: FAILED, the credits of its rows not done
	 * given back.
	 */
	private String aJobFailedOnARejectedKey(String token) {
		PROVIDERS.groq = call -> rejectedKey();
		String jobId = startedJob(token, uploadFresh(token, 5));
		awaitStatus(token, jobId, "failed");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ledgerKinds(token)).first().isEqualTo("RETURN"));
		return jobId;
	}

	private static MockResponse rejectedKey() {
		return new MockResponse.Builder().code(401)
			.body("{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\"}}")
			.build();
	}

}
