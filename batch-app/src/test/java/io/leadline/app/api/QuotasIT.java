package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadline.jobs.research.ProviderWire;

/**
 * No tenant can exhaust the server shared by all: finite requests and JSON bodies, no
 * empty jobs, a cap on each account's active jobs, and a fair share of the job slots.
 */
class QuotasIT extends ApiTestBase {

	private final CountDownLatch heldSearches = new CountDownLatch(1);

	@AfterEach
	void providersAnswerAgain() {
		heldSearches.countDown();
		PROVIDERS.serper = ProviderWire::searchResultsFor;
	}

	@Test
	void refusesAListWithoutDataRows() {
		String token = aFundedAccount("empty", 10);

		var reply = api.upload(token, "empty.csv", "name,email\n".getBytes(StandardCharsets.UTF_8));

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().path("code").asString()).isEqualTo("empty_list");
	}

	@Test
	void refusesAJsonBodyOver64Kb() {
		String token = aFundedAccount("json", 10);
		String huge = "x".repeat(70 * 1024);

		var service = api.putJson("/api/account/service", token, Map.of("core_offer", huge));
		var start = api.postJson("/api/jobs", token,
				Map.of("uploadId", UUID.randomUUID(), "service", Map.of("cta", huge)));

		assertThat(service.status()).isEqualTo(413);
		assertThat(service.json().path("code").asString()).isEqualTo("body_too_large");
		assertThat(start.status()).isEqualTo(413);
	}

	@Test
	void refusesAMultipartRequestFarLargerThanTheFileLimit() {
		String token = aFundedAccount("parts", 10);
		byte[] part = new byte[900 * 1024];

		var reply = api.uploadParts(token, List.of(part, part, part));

		assertThat(reply.status()).isEqualTo(413);
	}

	@Test
	void oneAccountsBurstNeitherExceedsItsQuotaNorKeepsAnotherAccountsJobFromStarting() throws Exception {
		String busy = aFundedAccount("burst", 100);
		String heldDomain = "held-" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		PROVIDERS.serper = query -> {
			if (query.contains(heldDomain)) {
				await(heldSearches);
			}
			return ProviderWire.searchResultsFor(query);
		};
		String upload = uploadOneRow(busy, heldDomain);

		List<ApiClient.Reply> burst = concurrently(20, () -> api.startJob(busy, upload));
		String other = aFundedAccount("patient", 10);
		String otherJob = startedJob(other, uploadFresh(other, 1));

		assertThat(burst).extracting(ApiClient.Reply::status).containsOnly(202, 429);
		assertThat(burst).filteredOn(r -> r.status() == 202).hasSize(10);
		ApiClient.Reply refused = burst.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
		assertThat(refused.json().path("code").asString()).isEqualTo("quota_exceeded");
		assertThat(refused.header("Retry-After")).isEqualTo("60");
		awaitStatus(other, otherJob, "completed");

		heldSearches.countDown();
		for (ApiClient.Reply started : burst.stream().filter(r -> r.status() == 202).toList()) {
			awaitStatus(busy, started.json().path("jobId").asString(), "completed");
		}
	}

	private String uploadOneRow(String token, String domain) {
		var reply = api.upload(token, "one.csv",
				("name,email\nAnn,ann@" + domain + "\n").getBytes(StandardCharsets.UTF_8));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().path("uploadId").asString();
	}

	private static List<ApiClient.Reply> concurrently(int callers, Callable<ApiClient.Reply> call) throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			List<Future<ApiClient.Reply>> pending = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				pending.add(pool.submit(() -> {
					gate.await();
					return call.call();
				}));
			}
			gate.countDown();
			List<ApiClient.Reply> replies = new ArrayList<>();
			for (Future<ApiClient.Reply> reply : pending) {
				replies.add(reply.get());
			}
			return replies;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(90, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

}
