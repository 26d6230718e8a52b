package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

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

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import io.leadline.jobs.output.ResultFormat;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.storage.ObjectStore;
import io.leadline.jobs.storage.S3ObjectStore;
import io.leadline.jobs.storage.S3ProxyServer;

/**
 * The same job on the production stack: Spring Batch metadata and the app's tables in
 * PostgreSQL (embedded, real server), every input, work object and result in an S3 bucket
 * (S3Proxy).
 */
@TestPropertySource(
		properties = { "leadline.research.cache=false", "leadline.storage.s3.bucket=" + ProductionStackJobIT.BUCKET,
				"leadline.storage.s3.path-style=true", "leadline.storage.s3.access-key=" + S3ProxyServer.ACCESS_KEY,
				"leadline.storage.s3.secret-key=" + S3ProxyServer.SECRET_KEY })
class ProductionStackJobIT extends JobIT {

	@Autowired
	DataSource dataSource;

	static final String BUCKET = "leadline-jobs";

	@TempDir
	static Path blobs;

	static S3ProxyServer s3;

	static EmbeddedPostgres postgres;

	@DynamicPropertySource
	static void productionStack(DynamicPropertyRegistry registry) throws Exception {
		s3 = new S3ProxyServer(blobs, BUCKET);
		registry.add("leadline.storage.s3.endpoint", () -> s3.endpoint().toString());
		postgres = EmbeddedPostgres.builder().start();
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
	}

	@AfterAll
	static void stopProductionStack() throws Exception {
		s3.close();
		postgres.close();
	}

	@Test
	void runsAndRestartsAJobOnPostgresqlAndS3() throws Exception {
		assertThat(store).isInstanceOf(S3ObjectStore.class);
		assertThat(dataSource.getConnection().getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		MessyList list = MessyList.of(40, 32_000);
		AtomicInteger chats = new AtomicInteger();
		providers.groq = call -> chats.incrementAndGet() > 20
				? ProviderWire.json(401, "{\"error\":{\"message\":\"Invalid API Key\"}}")
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
