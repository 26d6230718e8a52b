package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole API path a front end takes: upload, start, watch, download; charged for ok
 * rows only.
 */
class UploadToResultIT extends ApiTestBase {

	@Test
	void uploadsStartsWatchesAndDownloadsAJobChargingOnlyOkRows() throws IOException {
		String ann = anAccount("ann");
		String token = TOKENS.user(ann);
		grant(ann, 60);

		var upload = api.upload(token, "prospects.csv", Files.readAllBytes(SAMPLES.resolve("prospects.csv")));

		assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
		assertThat(upload.json().path("format").asString()).isEqualTo("csv");
		assertThat(upload.json().path("rowCount").asLong()).isEqualTo(50);
		assertThat(upload.json().path("emailColumnGuess").asString()).isEqualTo("E-Mail Address");
		assertThat(upload.json().path("headers").size()).isEqualTo(7);
		assertThat(upload.json().path("fields").toString()).isEqualTo("{\"first_name\":\"First Name\","
				+ "\"last_name\":\"last_name\",\"company\":\"Company\",\"title\":\"Title\","
				+ "\"linkedin\":\"LinkedIn URL\",\"location\":\"Country\"}");
		assertThat(upload.json().path("creditsRequired").asLong()).isEqualTo(50);
		assertThat(upload.json().path("creditsAvailable").asLong()).isEqualTo(60);

		var started = api.startJob(token, upload.json().path("uploadId").asString());

		assertThat(started.status()).as(started.toString()).isEqualTo(202);
		assertThat(started.json().path("status").asString()).isIn("queued", "running", "completed");
		String jobId = started.json().path("jobId").asString();

		var job = awaitStatus(token, jobId, "completed");

		assertThat(job.path("rows").path("total").asLong()).isEqualTo(50);
		assertThat(job.path("rows").path("done").asLong()).isEqualTo(50);
		assertThat(job.path("rows").path("percent").asDouble()).isEqualTo(100.0);
		assertThat(job.path("counts").path("ok").asLong()).isEqualTo(47);
		assertThat(job.path("counts").path("invalid").asLong()).isEqualTo(2);
		assertThat(job.path("counts").path("duplicate").asLong()).isEqualTo(1);
		assertThat(job.path("credits").path("reserved").asLong()).isEqualTo(50);
		assertThat(job.path("credits").path("charged").asLong()).isEqualTo(47);
		// why: research is cached across jobs, so an earlier test may have answered this
		// list already
		assertThat(job.path("usage").path("groqCalls").asInt() + job.path("usage").path("cacheHits").asInt())
			.isPositive();
		assertThat(balance(token)).isEqualTo(60 - 47).isEqualTo(ledgerSum(token));

		var result = api.get("/api/jobs/" + jobId + "/result", token);

		assertThat(result.status()).isEqualTo(200);
		assertThat(result.header("Content-Type")).startsWith("text/csv");
		assertThat(result.header("Content-Disposition")).contains("attachment")
			.contains("filename=\"prospects-enriched.csv\"");
		List<CSVRecord> rows = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(result.text().replace("\uFEFF", "")))
			.getRecords();
		assertThat(rows).hasSize(50);
		assertThat(rows).extracting(r -> r.get("sif_status")).containsOnly("ok", "invalid", "duplicate");

		var log = api.get("/api/jobs/" + jobId + "/logs", token);

		assertThat(log.status()).isEqualTo(200);
		assertThat(log.text()).contains("credits reserve -50")
			.contains("step merge completed")
			.contains("credits settle +3: charged 47 ok rows of 50 reserved");
	}

	@Test
	void refusesAFieldCorrectionNamingAColumnTheUploadLacks() throws IOException {
		String cy = anAccount("cy");
		String token = TOKENS.user(cy);
		grant(cy, 60);
		var upload = api.upload(token, "prospects.csv", Files.readAllBytes(SAMPLES.resolve("prospects.csv")));

		var refused = api.postJson("/api/jobs", token, Map.of("uploadId", upload.json().path("uploadId").asString(),
				"fields", Map.of("company", "Organisation")));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
		assertThat(refused.json().path("code").asString()).isEqualTo("unknown_field");
		assertThat(refused.json().path("detail").asString())
			.startsWith("field company: no column named 'Organisation'");
	}

	@Test
	void listsOnlyTheCallersJobsNewestFirstAndAdminsSeeAll() throws IOException {
		String lee = anAccount("lee");
		String token = TOKENS.user(lee);
		grant(lee, 100);
		String upload = uploadSample(token);
		String first = startedJob(token, upload);
		String second = startedJob(token, upload);
		awaitStatus(token, first, "completed");
		awaitStatus(token, second, "completed");

		var mine = api.get("/api/jobs?size=10", token).json();
		var admin = api.get("/api/jobs?size=100", TOKENS.admin("ops")).json();

		assertThat(mine.path("total").asLong()).isEqualTo(2);
		assertThat(mine.path("items").valueStream().map(j -> j.path("jobId").asString())).containsExactly(second,
				first);
		assertThat(admin.path("total").asLong()).isGreaterThanOrEqualTo(2);
		assertThat(api.get("/api/jobs?size=1&page=1", token).json().path("items").get(0).path("jobId").asString())
			.isEqualTo(first);
		// why: the page reads Batch's tables directly; it must show each job exactly as
		// its
		// own route does
		var one = api.get("/api/jobs/" + first, token).json();
		var listed = mine.path("items").get(1);
		assertThat(listed.path("counts")).isEqualTo(one.path("counts"));
		assertThat(listed.path("rows")).isEqualTo(one.path("rows"));
		assertThat(listed.path("usage")).isEqualTo(one.path("usage"));
		assertThat(listed.path("credits")).isEqualTo(one.path("credits"));
		assertThat(listed.path("usage").isObject()).as("usage of a completed job").isTrue();
	}

	@Test
	void deletesAJobsFilesButKeepsItsLedger() throws IOException {
		String dee = anAccount("dee");
		String token = TOKENS.user(dee);
		grant(dee, 50);
		String jobId = startedJob(token, uploadSample(token));
		awaitStatus(token, jobId, "completed");

		var deleted = api.delete("/api/jobs/" + jobId, token);

		assertThat(deleted.status()).isEqualTo(204);
		assertThat(api.get("/api/jobs/" + jobId + "/result", token).json().path("code").asString())
			.isEqualTo("no_result");
		assertThat(storedUnder("outputs/" + dee)).isEmpty();
		assertThat(storedUnder("inputs/" + dee)).isEmpty();
		assertThat(storedUnder("work/" + jobId)).isEmpty();
		assertThat(api.get("/api/account/ledger", token).text()).contains(jobId);
		assertThat(balance(token)).isEqualTo(3).isEqualTo(ledgerSum(token));
	}

	@Test
	void usesTheAccountsDefaultServiceWhenAJobGivesNone() throws IOException {
		String token = TOKENS.user(anAccount("sam"));

		var saved = api.putJson("/api/account/service", token, Map.of("core_offer", "Bookkeeping for dentists"));

		assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
		assertThat(saved.json().path("defaultService").path("coreOffer").asString())
			.isEqualTo("Bookkeeping for dentists");
		assertThat(api.putJson("/api/account/service", token, Map.of("offer", "typo")).json().path("code").asString())
			.isEqualTo("invalid_request");
	}

}
