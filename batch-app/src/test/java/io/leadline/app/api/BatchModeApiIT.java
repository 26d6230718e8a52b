package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * {@code mode: batch} in {@code POST /api/jobs}: the job's model calls go through the
 * Batch API fake, none live, and the API shows the mode and the cost at the batch price.
 */
class BatchModeApiIT extends ApiTestBase {

	@Test
	void aJobStartedInBatchModeMakesNoLiveChatCallAndShowsItsModeAndCost() throws IOException {
		String token = aFundedAccount("bea", 100);
		String uploadId = upload(token, freshList(20));
		int chatsBefore = PROVIDERS.chatCalls().size();
		int batchesBefore = PROVIDERS.batches.batchesCreated();

		var started = api.postJson("/api/jobs", token, Map.of("uploadId", uploadId, "mode", "batch"));

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().path("mode").asString()).isEqualTo("batch");
		var job = awaitStatus(token, started.json().path("jobId").asString(), "completed", "failed");
		assertThat(job.path("status").asString()).as(job.toString()).isEqualTo("completed");
		assertThat(job.path("counts").path("ok").asLong()).isEqualTo(20);
		assertThat(job.path("costUsd").asDouble()).isPositive();
		assertThat(PROVIDERS.chatCalls()).as("live chat completions").hasSize(chatsBefore);
		assertThat(PROVIDERS.batches.batchesCreated() - batchesBefore).as("company, person and opener batches")
			.isEqualTo(3);
	}

	@Test
	void refusesAnUnknownModeAsAProblem() throws IOException {
		String token = aFundedAccount("bo", 100);
		String uploadId = upload(token, freshList(2));

		var refused = api.postJson("/api/jobs", token, Map.of("uploadId", uploadId, "mode", "overnight"));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().path("code").asString()).isEqualTo("invalid_request");
		assertThat(refused.json().path("detail").asString()).contains("mode must be live or batch");
	}

	private String upload(String token, String csv) throws IOException {
		var upload = api.upload(token, "list.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		return upload.json().path("uploadId").asString();
	}

	/**
	 * People and companies no other test researched, so the shared cache answers none.
	 */
	private static String freshList(int rows) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		StringBuilder csv = new StringBuilder("First Name,Last Name,Company,Email\n");
		for (int i = 1; i <= rows; i++) {
			csv.append(
					"Ann%d,Lee%s,Co%s%d,ann%d.%s@co%s%d.example\n".formatted(i, tag, tag, i % 3, i, tag, tag, i % 3));
		}
		return csv.toString();
	}

}
