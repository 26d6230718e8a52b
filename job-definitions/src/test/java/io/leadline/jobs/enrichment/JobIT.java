package io.leadline.jobs.enrichment;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.leadline.jobs.EngineTestApplication;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderWire;
import io.leadline.jobs.storage.ObjectStore;

/**
 * Whole enrichment jobs in a Spring context (H2, Flyway, Batch) against loopback provider
 * fakes. Subclasses name their database and settings with {@code @TestPropertySource}.
 */
@SpringBootTest(classes = EngineTestApplication.class,
		properties = { "spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor}",
				"spring.batch.job.enabled=false", "leadline.enrichment.retry-delay=5ms",
				"leadline.enrichment.retry-max-delay=20ms", "leadline.credits.starting-credits=1000000" })
abstract class JobIT {

	/**
	 * One pair of fakes for the test JVM; tests count the calls they cause, not totals.
	 */
	static final FakeProviders providers = Fixtures.sharedProviders();

	@TempDir
	static Path objects;

	@TempDir
	Path files;

	@Autowired
	JobOperator jobOperator;

	@Autowired
	Job enrichmentJob;

	@Autowired
	ObjectStore store;

	JobHarness jobs;

	@DynamicPropertySource
	static void providerEndpoints(DynamicPropertyRegistry registry) {
		Fixtures.registerProviders(registry, providers);
		registry.add("leadline.storage.root", () -> objects.toString());
	}

	@BeforeEach
	void normalProviders() {
		jobs = new JobHarness(jobOperator, enrichmentJob, store);
		providers.serper = ProviderWire::searchResultsFor;
		providers.groq = ProviderWire::answerFor;
		providers.batches.reset();
	}

}
