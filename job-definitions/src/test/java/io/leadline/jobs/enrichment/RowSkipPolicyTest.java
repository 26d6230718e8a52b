package io.leadline.jobs.enrichment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.step.skip.SkipLimitExceededException;

import io.leadline.jobs.research.FatalProviderException;
import io.leadline.jobs.research.TransientProviderException;

class RowSkipPolicyTest {

	RowSkipPolicy policy = new RowSkipPolicy(2);

	@Test
	void skipsRowErrorsUpToTheConfiguredLimit() {
		assertThat(policy.shouldSkip(new IllegalStateException("boom"), 0)).isTrue();
		assertThat(policy.shouldSkip(new IllegalStateException("boom"), 1)).isTrue();
		assertThatThrownBy(() -> policy.shouldSkip(new IllegalStateException("boom"), 2))
			.isInstanceOf(SkipLimitExceededException.class);
	}

	@Test
	void neverSkipsWhatMustStopTheJob() {
		assertThat(policy.shouldSkip(new FatalProviderException("groq", "groq: API key rejected (HTTP 401)"), 0))
			.isFalse();
		assertThat(policy.shouldSkip(new JobHalt.HaltedException("bad key"), 0)).isFalse();
	}

	@Test
	void keepsARowWhoseProviderKeptFailingAsFailedAndAnyOtherAsSkipped() {
		ProspectRow row = new ProspectRow(7, "ann@acme.io", List.of("Ann", "ann@acme.io"));

		RowRecord failed = SkippedRows.recordOf(row, new TransientProviderException("serper", "serper: HTTP 503"));
		RowRecord skipped = SkippedRows.recordOf(row, new NullPointerException("oops"));

		assertThat(failed.status()).isEqualTo(RowStatus.FAILED);
		assertThat(failed.reason()).contains("serper: HTTP 503");
		assertThat(skipped.status()).isEqualTo(RowStatus.SKIPPED);
		assertThat(skipped.reason()).contains("NullPointerException").contains("oops");
		assertThat(skipped.cells()).isEqualTo(row.cells());
	}

}
