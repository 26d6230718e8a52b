package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * A result is downloadable only once it is paid for: the merge step that publishes it
 * also settles, so stopping or abandoning a job whose result exists charges its ok rows
 * instead of giving every credit back.
 */
class PaidResultIT extends ApiTestBase {

	@Autowired
	HeldResults held;

	@Test
	void aJobStoppedAfterItsResultWasPublishedIsChargedForItsOkRows() throws Exception {
		String account = anAccount("mallory");
		grant(account, 50);
		String token = TOKENS.user(account);
		String upload = uploadSample(token);
		HeldResults.Hold merge = held.holdAfterPublishing(account);
		String jobId = startedJob(token, upload);
		merge.awaitPublished();

		var whileMerging = api.get("/api/jobs/" + jobId + "/result", token);
		var stop = api.post("/api/jobs/" + jobId + "/stop", token);
		merge.release();
		awaitStatus(token, jobId, "stopped", "completed");
		var abandon = api.post("/api/jobs/" + jobId + "/abandon", token);

		assertThat(whileMerging.status()).as("published, not yet paid").isEqualTo(409);
		assertThat(whileMerging.json().path("code").asString()).isEqualTo("result_not_ready");
		assertThat(stop.status()).as(stop.toString()).isEqualTo(200);
		assertThat(abandon.status()).as(abandon.toString()).isIn(200, 409);
		assertThat(kindsOf(jobId, token)).containsExactly("RESERVE", "SETTLE");
		assertThat(balance(token)).as("47 ok rows charged").isEqualTo(3).isEqualTo(ledgerSum(token));
		assertThat(api.get("/api/jobs/" + jobId + "/result", token).status()).isEqualTo(200);
		assertThat(api.get("/api/jobs/" + jobId + "/logs", token).text()).contains("stopped by request")
			.doesNotContain("JobInterruptedException");
	}

	private List<String> kindsOf(String jobId, String token) {
		JsonNode job = api.get("/api/jobs/" + jobId + "/logs", token).json();
		return job.valueStream()
			.map(line -> line.path("message").asString())
			.filter(message -> message.startsWith("credits "))
			.map(message -> message.substring("credits ".length(), message.indexOf(' ', "credits ".length()))
				.toUpperCase())
			.toList();
	}

}
