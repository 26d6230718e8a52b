package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import mockwebserver3.MockResponse;

import io.leadline.jobs.credits.ReservationExpiry;
import io.leadline.jobs.research.ProviderWire;

/**
 * Reserve before, charge ok rows after, give back on abandon or expiry; never overdraw.
 */
class CreditsIT extends ApiTestBase {

	@Autowired
	ReservationExpiry expiry;

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
		for (ApiClient.Reply started : replies.stream().filter(r -> r.status() == 202).toList()) {
			awaitStatus(token, started.json().path("jobId").asString(), "completed");
		}
		assertThat(balance(token)).isEqualTo(5 * 3).isEqualTo(ledgerSum(token));
	}

	@Test
	void keepsTheReservationOfAFailedJobAndNeverReservesAgainOnRestart() throws IOException {
		String token = aFundedAccount("dan", 6);
		String jobId = aJobFailedOnARejectedKey(token);

		var failed = api.get("/api/jobs/" + jobId, token).json();

		assertThat(failed.path("error").asString()).isNotBlank();
		assertThat(failed.path("credits").path("reserved").asLong()).isEqualTo(5);
		assertThat(balance(token)).isEqualTo(1);

		PROVIDERS.groq = ProviderWire::answerFor;
		var restarted = api.post("/api/jobs/" + jobId + "/restart", token);

		assertThat(restarted.status()).as(restarted.toString()).isEqualTo(202);
		var completed = awaitStatus(token, jobId, "completed");
		assertThat(completed.path("counts").path("ok").asLong()).isEqualTo(5);
		assertThat(completed.path("credits").path("charged").asLong()).isEqualTo(5);
		assertThat(api.get("/api/account/ledger", token).text().split("\"RESERVE\"", -1)).hasSize(2);
		assertThat(balance(token)).isEqualTo(1).isEqualTo(ledgerSum(token));
		assertThat(api.post("/api/jobs/" + jobId + "/restart", token).json().path("code").asString())
			.isEqualTo("not_restartable");
		assertThat(api.post("/api/jobs/" + jobId + "/stop", token).status()).isEqualTo(409);
	}

	@Test
	void releasesTheWholeReservationWhenAFailedJobIsAbandoned() throws IOException {
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
	void releasesTheReservationOfAFailedJobLeftAloneLongerThanTheExpiry() throws IOException {
		String token = aFundedAccount("fay", 5);
		String jobId = aJobFailedOnARejectedKey(token);

		expiry.releaseExpired(LocalDateTime.now());

		assertThat(balance(token)).as("not expired yet").isZero();

		expiry.releaseExpired(LocalDateTime.now().plusDays(8));

		assertThat(balance(token)).isEqualTo(5).isEqualTo(ledgerSum(token));
		assertThat(api.post("/api/jobs/" + jobId + "/restart", token).json().path("code").asString())
			.isEqualTo("not_restartable");
	}

	/** A 5-row job whose Groq key was rejected: FAILED, its 5 credits still reserved. */
	private String aJobFailedOnARejectedKey(String token) {
		PROVIDERS.groq = call -> rejectedKey();
		String jobId = startedJob(token, uploadFresh(token, 5));
		awaitStatus(token, jobId, "failed");
		return jobId;
	}

	private static MockResponse rejectedKey() {
		return new MockResponse.Builder().code(401)
			.body("{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\"}}")
			.build();
	}

}
