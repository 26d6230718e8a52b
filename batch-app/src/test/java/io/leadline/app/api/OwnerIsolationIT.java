package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Another owner's job or upload looks exactly like one that does not exist; admins see
 * all.
 */
class OwnerIsolationIT extends ApiTestBase {

	String alice;

	String jobId;

	String uploadId;

	String mallory;

	@BeforeEach
	void aliceHasACompletedJob() throws IOException {
		String account = anAccount("alice");
		alice = TOKENS.user(account);
		mallory = TOKENS.user(anAccount("mallory"));
		grant(account, 50);
		uploadId = uploadSample(alice);
		jobId = startedJob(alice, uploadId);
		awaitStatus(alice, jobId, "completed");
	}

	@Test
	void answersNotFoundOnEveryJobRouteOfAnotherOwner() {
		String job = "/api/jobs/" + jobId;

		var replies = new ApiClient.Reply[] { api.get(job, mallory), api.get(job + "/logs", mallory),
				api.get(job + "/result", mallory), api.post(job + "/stop", mallory),
				api.post(job + "/restart", mallory), api.post(job + "/abandon", mallory), api.delete(job, mallory) };

		assertThat(replies).allSatisfy(reply -> {
			assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
			assertThat(reply.json().path("code").asString()).isEqualTo("not_found");
			assertThat(reply.text()).doesNotContain("prospects.csv");
		});
		assertThat(api.get("/api/jobs", mallory).json().path("total").asLong()).isZero();
		assertThat(api.get(job, alice).status()).isEqualTo(200);
		assertThat(api.get(job + "/result", alice).status()).isEqualTo(200);
	}

	@Test
	void answersNotFoundForAJobStartedFromAnotherOwnersUpload() {
		var reply = api.startJob(mallory, uploadId);

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.json().path("code").asString()).isEqualTo("not_found");
	}

	@Test
	void letsAnAdminSeeAndDownloadAnyJob() {
		String admin = TOKENS.admin("ops");

		assertThat(api.get("/api/jobs/" + jobId, admin).json().path("status").asString()).isEqualTo("completed");
		assertThat(api.get("/api/jobs/" + jobId + "/result", admin).status()).isEqualTo(200);
		assertThat(api.get("/api/jobs/" + jobId + "/logs", admin).status()).isEqualTo(200);
	}

}
