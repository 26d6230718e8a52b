package io.leadline.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * Operators scrape what jobs produced and what providers did, with the metrics-only
 * credential or an admin token.
 */
class MetricsIT extends ApiTestBase {

	@Test
	void exposesRowsProviderCallsAndCostOfCompletedJobsToAdminsOnly() throws Exception {
		String token = aFundedAccount("metrics", 100);
		String jobId = startedJob(token, uploadFresh(token, 4));
		awaitStatus(token, jobId, "completed");

		// why: the job's listeners record its metrics after the completed status is
		// visible
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(api.get("/actuator/prometheus", TOKENS.admin("prometheus")).text())
				.contains("leadline_provider_calls_total"));
		var forAdmin = api.get("/actuator/prometheus", TOKENS.admin("prometheus"));
		var forUser = api.get("/actuator/prometheus", token);
		var forPrometheus = api.getWithBasic("/actuator/prometheus", "prometheus", METRICS_PASSWORD);
		var wrongPassword = api.getWithBasic("/actuator/prometheus", "prometheus", "guess");
		var scraperOnTheApi = api.getWithBasic("/api/account", "prometheus", METRICS_PASSWORD);

		assertThat(forAdmin.status()).isEqualTo(200);
		String metrics = new String(forAdmin.body(), StandardCharsets.UTF_8);
		assertThat(metrics).containsPattern("leadline_rows_total\\{status=\"ok\"\\} [1-9]")
			.containsPattern("leadline_provider_calls_total\\{provider=\"serper\"\\} [1-9]")
			.containsPattern("leadline_provider_requests_seconds_count\\{[^}]*status=\"200\"[^}]*\\} [1-9]")
			.contains("leadline_cost_usd_total")
			.contains("leadline_credits_charged_total");
		assertThat(forUser.status()).isEqualTo(403);
		assertThat(forPrometheus.status()).as("the metrics-only credential").isEqualTo(200);
		assertThat(forPrometheus.text()).contains("leadline_credits_charged_total");
		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(scraperOnTheApi.status()).isEqualTo(401);
	}

}
