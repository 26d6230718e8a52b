package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import io.leadline.app.LeadlineApplication;
import io.leadline.jobs.research.FakeProviders;
import io.leadline.jobs.research.ProviderSettings;

/**
 * The app on a random port with H2 in memory, a local store in a temporary directory, and
 * loopback Serper/Groq fakes, so researched rows come back {@code ok} and are charged.
 * Every IT shares this one context; each test uses its own accounts.
 */
@SpringBootTest(classes = LeadlineApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
		"leadline.jwt.secret=" + ApiTestBase.SECRET, "leadline.jwt.issuer=" + ApiTestBase.ISSUER,
		"leadline.jwt.audience=authenticated", "leadline.api.max-upload-mb=1", "leadline.input.max-rows=1000",
		"leadline.enrichment.partitions=2", "leadline.enrichment.chunk-size=10", "leadline.enrichment.retry-delay=5ms",
		"leadline.enrichment.retry-max-delay=20ms", "leadline.credits.starting-credits=0",
		"leadline.access.cors-origins=" + ApiTestBase.FRONTEND, "leadline.billing.secret-key=" + ApiTestBase.STRIPE_KEY,
		"leadline.billing.webhook-secret=" + ApiTestBase.WEBHOOK_SECRET,
		"leadline.billing.public-url=https://app.leadline.test",
		"leadline.billing.plans.starter.price-id=price_starter", "leadline.billing.plans.growth.price-id=price_growth",
		"leadline.billing.plans.pro.price-id=price_pro", "leadline.billing.packs.pack-1000.price-id=price_pack_1000",
		"leadline.billing.packs.pack-5000.price-id=price_pack_5000", "leadline.notify.allow-http-webhooks=true",
		"leadline.notify.poll-interval=100ms", "leadline.notify.retry-base=20ms", "leadline.batch.poll-first=5ms",
		"leadline.batch.poll-max=50ms" })
@Import(ApiTestBase.TestBeans.class)
abstract class ApiTestBase {

	@TestConfiguration(proxyBeanMethods = false)
	static class TestBeans {

		@Bean
		static HeldResults heldResults() {
			return new HeldResults();
		}

	}

	/** The one origin allowed to call the API from a browser. */
	static final String FRONTEND = "https://app.leadline.test";

	static final String SECRET = "test-secret-for-leadline-api-tests-0123456789";

	static final String ISSUER = "https://test-project.supabase.co/auth/v1";

	static final Tokens TOKENS = new Tokens(SECRET, ISSUER, "authenticated");

	static final String STRIPE_KEY = "sk_test_leadline_0123456789";

	static final String WEBHOOK_SECRET = "whsec_leadlineTestSecret0123456789abcdef";

	/** Stripe's API on loopback; billing is on in every API test. */
	static final StripeFake STRIPE;

	static final Path SAMPLES = Path.of("..", "sample-data");

	static final Path DATA;

	static final FakeProviders PROVIDERS;

	static final JwksServer JWKS;

	/** The password Prometheus scrapes with (user {@code prometheus}). */
	static final String METRICS_PASSWORD = "metrics-password-for-tests";

	static {
		try {
			DATA = Files.createTempDirectory("leadline-api-");
			PROVIDERS = new FakeProviders();
			JWKS = new JwksServer();
			STRIPE = new StripeFake();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@DynamicPropertySource
	static void wire(DynamicPropertyRegistry registry) {
		ProviderSettings fake = PROVIDERS.settings();
		registry.add("leadline.data-dir", DATA::toString);
		registry.add("leadline.jwt.jwks-url", JWKS::url);
		registry.add("leadline.metrics.password", () -> METRICS_PASSWORD);
		registry.add("SERPER_API_KEY", fake::serperKey);
		registry.add("GROQ_API_KEY", fake::groqKey);
		registry.add("LEADLINE_SERPER_URL", fake::serperUrl);
		registry.add("LEADLINE_GROQ_URL", fake::groqUrl);
		registry.add("leadline.billing.api-url", STRIPE::url);
	}

	@LocalServerPort
	int port;

	ApiClient api;

	@BeforeEach
	void client() {
		api = ApiClient.at(port);
	}

	/** A fresh account id, so tests never share balances. */
	static String anAccount(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** The token of a fresh account holding {@code credits}. */
	String aFundedAccount(String name, long credits) {
		String account = anAccount(name);
		grant(account, credits);
		return TOKENS.user(account);
	}

	void grant(String account, long credits) {
		var reply = api.postJson("/api/admin/accounts/" + account + "/credits", TOKENS.admin("ops"),
				Map.of("amount", credits, "reason", "test grant"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
	}

	/**
	 * Uploads the 50-row sample list (47 researchable, 2 invalid, 1 duplicate) and
	 * returns its id.
	 */
	String uploadSample(String token) throws IOException {
		var reply = api.upload(token, "prospects.csv", Files.readAllBytes(SAMPLES.resolve("prospects.csv")));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().path("uploadId").asString();
	}

	/**
	 * Uploads a list of {@code rows} people at a domain never seen before, so providers
	 * are really called (research is cached across jobs by domain and person).
	 */
	String uploadFresh(String token, int rows) {
		return uploadCsv(token, aFreshList(rows));
	}

	/** A CSV of {@code rows} people at a domain never seen before. */
	static String aFreshList(int rows) {
		String domain = UUID.randomUUID().toString().substring(0, 8) + ".example.com";
		StringBuilder csv = new StringBuilder("name,email\n");
		for (int i = 1; i <= rows; i++) {
			csv.append("Person ").append(i).append(",person").append(i).append('@').append(domain).append('\n');
		}
		return csv.toString();
	}

	String uploadCsv(String token, String csv) {
		var reply = api.upload(token, "list.csv", csv.getBytes(StandardCharsets.UTF_8));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return reply.json().path("uploadId").asString();
	}

	String startedJob(String token, String uploadId) {
		var reply = api.startJob(token, uploadId);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
		return reply.json().path("jobId").asString();
	}

	/**
	 * Polls the job until it reaches one of {@code states}, and returns it. The bound
	 * only catches a hung job: on a loaded machine a small job can take a minute.
	 */
	JsonNode awaitStatus(String token, String jobId, String... states) {
		AtomicReference<JsonNode> last = new AtomicReference<>();
		await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
			var reply = api.get("/api/jobs/" + jobId, token);
			last.set(reply.json());
			assertThat(reply.json().path("status").asString()).as(reply.toString()).isIn((Object[]) states);
		});
		return last.get();
	}

	/** Object files under a key prefix of the local store. */
	static List<Path> storedUnder(String prefix) throws IOException {
		Path dir = DATA.resolve("objects").resolve(prefix);
		if (!Files.exists(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	long balance(String token) {
		return api.get("/api/account", token).json().path("balance").asLong();
	}

	long ledgerSum(String token) {
		long sum = 0;
		for (JsonNode entry : api.get("/api/account/ledger?size=500", token).json()) {
			sum += entry.path("delta").asLong();
		}
		return sum;
	}

}
