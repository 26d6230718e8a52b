package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
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

import io.leadline.jobs.EngineTestApplication;
import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.storage.ObjectStore;
import io.leadline.jobs.storage.S3ObjectStore;
import io.leadline.jobs.storage.S3ProxyServer;

/** The same job with every input, work object and result in an S3 bucket (S3Proxy on loopback). */
@TestPropertySource(properties = { "spring.datasource.url=jdbc:h2:mem:s3job;DB_CLOSE_DELAY=-1", "leadline.research.cache=false",
		"leadline.storage.s3.bucket=" + S3EnrichmentJobIT.BUCKET, "leadline.storage.s3.path-style=true",
		"leadline.storage.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
		"leadline.storage.s3.secret-key=" + S3ProxyServer.SECRET_KEY })
class S3EnrichmentJobIT extends JobIT {

	static final String BUCKET = "leadline-jobs";

	@TempDir
	static Path blobs;

	static S3ProxyServer s3;

	@DynamicPropertySource
	static void s3Endpoint(DynamicPropertyRegistry registry) throws Exception {
		s3 = new S3ProxyServer(blobs, BUCKET);
		registry.add("leadline.storage.s3.endpoint", () -> s3.endpoint().toString());
	}

	@AfterAll
	static void stopS3() throws Exception {
		s3.close();
	}

	@Test
	void runsAndRestartsAJobWhoseFilesAllLiveInS3() throws Exception {
		assertThat(store).isInstanceOf(S3ObjectStore.class);
		MessyList list = MessyList.of(40, 32_000);
		AtomicInteger chats = new AtomicInteger();
		providers.groq = call -> chats.incrementAndGet() > 20 ? ProviderWire.json(401, "{\"error\":{\"message\":\"Invalid API Key\"}}")
				: ProviderWire.answerFor(call);
		EnrichmentRequest request = jobs.request(list.writeCsv(files.resolve("list.csv")), ResultFormat.XLSX, 4, 2);

		JobExecution failed = jobs.run(request);
		providers.groq = ProviderWire::answerFor;
		JobExecution restarted = jobs.restart(failed);

		assertThat(failed.getStatus()).isEqualTo(BatchStatus.FAILED);
		assertThat(restarted.getStatus()).isEqualTo(BatchStatus.COMPLETED);
		OutputContract.assertFollowedBy(jobs.result(request), list);
		assertThat(store.list(request.workArea().workPrefix())).as("work objects cleaned up").isEmpty();
	}
}
