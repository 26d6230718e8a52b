package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.leadline.app.jobs.CrashRecovery;
import io.leadline.jobs.enrichment.EnrichmentJobConfig;
import io.leadline.jobs.enrichment.EnrichmentRequest;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.research.ServiceContext;

/**
 * Job-ended webhooks end to end: an account sets its URL, a job of it completes, and a
 * loopback receiver gets one event it can verify with the secret shown once.
 */
class NotificationsIT extends ApiTestBase {

	private static final String NOTIFICATIONS = "/api/account/notifications";

	private final MockWebServer receiver = new MockWebServer();

	@Autowired
	JobRepository jobs;

	@Autowired
	CrashRecovery recovery;

	@Autowired
	JdbcTemplate jdbc;

	@BeforeEach
	void startReceiver() throws Exception {
		receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
		PROVIDERS.groq = ProviderWire::answerFor;
	}

	@Test
	void aCompletedJobSendsOneSignedEventToItsOwnersWebhook() throws Exception {
		String token = aFundedAccount("hooked", 10);
		receiver.enqueue(new MockResponse.Builder().code(204).build());
		var set = api.putJson(NOTIFICATIONS, token, Map.of("url", receiver.url("/leadline/events").toString()));
		String secret = set.json().path("secret").asString();

		String jobId = startedJob(token, uploadFresh(token, 3));
		awaitStatus(token, jobId, "completed");
		JsonNode delivered = awaitDelivered(token);

		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(secret).startsWith("whsec_");
		assertThat(receiver.getRequestCount()).isEqualTo(1);
		RecordedRequest request = receiver.takeRequest();
		String body = request.getBody().utf8();
		assertThat(isSignedBy(secret, request.getHeaders().get("X-Leadline-Signature"), body)).isTrue();
		JsonNode event = JsonMapper.builder().build().readTree(body);
		assertThat(request.getHeaders().get("X-Leadline-Event-Id")).isEqualTo(event.path("id").asString())
			.isEqualTo(delivered.path("eventId").asString());
		assertThat(event.path("type").asString()).isEqualTo("job.completed");
		assertThat(event.path("jobId").asString()).isEqualTo(jobId);
		assertThat(event.path("status").asString()).isEqualTo("completed");
		assertThat(event.path("counts").path("total").asLong()).isEqualTo(3);
		assertThat(event.path("counts").path("ok").asLong()).isEqualTo(3);
		assertThat(event.path("resultPath").asString()).isEqualTo("/api/jobs/" + jobId + "/result");
		assertThat(api.get(event.path("resultPath").asString(), token).status()).isEqualTo(200);
		assertThat(api.get(NOTIFICATIONS, token).text()).doesNotContain(secret);
	}

	@Test
	void aFailedJobThenAbandonedSendsOneEventForEachStateChange() throws Exception {
		String token = aFundedAccount("failing", 10);
		receiver.enqueue(new MockResponse.Builder().code(200).build());
		receiver.enqueue(new MockResponse.Builder().code(200).build());
		api.putJson(NOTIFICATIONS, token, Map.of("url", receiver.url("/events").toString()));
		PROVIDERS.groq = call -> new MockResponse.Builder().code(401)
			.body("{\"error\":{\"message\":\"Invalid API Key\",\"type\":\"invalid_request_error\"}}")
			.build();

		String jobId = startedJob(token, uploadFresh(token, 3));
		awaitStatus(token, jobId, "failed");
		await().atMost(Duration.ofMinutes(1)).until(() -> receiver.getRequestCount() == 1);
		var abandon = api.post("/api/jobs/" + jobId + "/abandon", token);
		await().atMost(Duration.ofMinutes(1))
			.until(() -> api.get(NOTIFICATIONS, token)
				.json()
				.path("recentEvents")
				.valueStream()
				.filter(e -> e.path("state").asString().equals("delivered"))
				.count() == 2);

		assertThat(abandon.status()).as(abandon.toString()).isEqualTo(200);
		assertThat(receiver.getRequestCount()).isEqualTo(2);
		JsonNode failed = JsonMapper.builder().build().readTree(receiver.takeRequest().getBody().utf8());
		JsonNode abandoned = JsonMapper.builder().build().readTree(receiver.takeRequest().getBody().utf8());
		assertThat(failed.path("type").asString()).isEqualTo("job.failed");
		assertThat(failed.path("error").asString()).isNotBlank();
		assertThat(failed.path("resultPath").isNull()).isTrue();
		assertThat(abandoned.path("type").asString()).isEqualTo("job.abandoned");
		assertThat(List.of(failed.path("jobId").asString(), abandoned.path("jobId").asString())).containsOnly(jobId);
	}

	@Test
	void aRunWhoseProcessDiedIsReportedFailedOnceWhenRecovered() throws Exception {
		String account = anAccount("orphaned");
		String token = TOKENS.user(account);
		receiver.enqueue(new MockResponse.Builder().code(200).build());
		api.putJson(NOTIFICATIONS, token, Map.of("url", receiver.url("/events").toString()));
		UUID jobId = aRunOfAProcessThatDied(account);

		recovery.recoverOrphans();
		recovery.recoverOrphans();
		awaitDelivered(token);

		assertThat(receiver.getRequestCount()).isEqualTo(1);
		JsonNode failed = JsonMapper.builder().build().readTree(receiver.takeRequest().getBody().utf8());
		assertThat(failed.path("type").asString()).isEqualTo("job.failed");
		assertThat(failed.path("jobId").asString()).isEqualTo(jobId.toString());
		assertThat(failed.path("counts").path("total").asLong()).isEqualTo(3);
	}

	@Test
	void setsRotatesShowsAndRemovesTheWebhookWithStableCodesForRefusals() {
		String token = TOKENS.user(anAccount("settings"));
		String url = receiver.url("/hook").toString();

		var before = api.get(NOTIFICATIONS, token);
		var refused = api.putJson(NOTIFICATIONS, token, Map.of("url", "ftp://files.example.com/drop"));
		var first = api.putJson(NOTIFICATIONS, token, Map.of("url", url));
		var rotated = api.putJson(NOTIFICATIONS, token, Map.of("url", url));
		var shown = api.get(NOTIFICATIONS, token);
		var removed = api.delete(NOTIFICATIONS, token);
		var after = api.get(NOTIFICATIONS, token);
		var anonymous = api.putJson(NOTIFICATIONS, null, Map.of("url", url));

		assertThat(before.status()).isEqualTo(404);
		assertThat(before.json().path("code").asString()).isEqualTo("no_webhook");
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().path("code").asString()).isEqualTo("webhook_url_invalid");
		assertThat(first.status()).isEqualTo(200);
		assertThat(rotated.json().path("secret").asString()).startsWith("whsec_")
			.isNotEqualTo(first.json().path("secret").asString());
		assertThat(shown.json().path("url").asString()).isEqualTo(url);
		assertThat(shown.text()).doesNotContain("whsec_");
		assertThat(removed.status()).isEqualTo(204);
		assertThat(after.status()).isEqualTo(404);
		assertThat(anonymous.status()).isEqualTo(401);
	}

	/** A running job of {@code account} whose lease is a gone host's, an hour old. */
	private UUID aRunOfAProcessThatDied(String account) {
		UUID jobId = UUID.randomUUID();
		JobParameters parameters = new EnrichmentRequest(jobId, account,
				"inputs/" + account + "/" + jobId + "/list.csv", "list.csv", null, ServiceContext.defaults(),
				ResultFormat.CSV, List.of(), 3, 10, 2, null, Map.of())
			.toJobParameters();
		JobInstance instance = jobs.createJobInstance(EnrichmentJobConfig.JOB, parameters);
		JobExecution execution = jobs.createJobExecution(instance, parameters, new ExecutionContext());
		execution.setStatus(BatchStatus.STARTED);
		execution.setStartTime(LocalDateTime.now());
		jobs.update(execution);
		jdbc.update("insert into job_leases (job_execution_id, host, pid, heartbeat_at) values (?, ?, ?, ?)",
				execution.getId(), "a-host-that-is-gone", 4242,
				Timestamp.from(Instant.now().minus(Duration.ofHours(1))));
		return jobId;
	}

	private JsonNode awaitDelivered(String token) {
		return await().atMost(Duration.ofMinutes(1)).until(() -> {
			JsonNode events = api.get(NOTIFICATIONS, token).json().path("recentEvents");
			return events.size() == 1 && events.get(0).path("state").asString().equals("delivered") ? events.get(0)
					: null;
		}, event -> event != null);
	}

	/** What a receiver does; the README shows the same lines. */
	private static boolean isSignedBy(String secret, String header, String body) throws Exception {
		Map<String, String> parts = new java.util.HashMap<>();
		for (String part : header.split(",")) {
			parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		String expected = HexFormat.of()
			.formatHex(mac.doFinal((parts.get("t") + "." + body).getBytes(StandardCharsets.UTF_8)));
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
				parts.get("v1").getBytes(StandardCharsets.UTF_8));
	}

}
