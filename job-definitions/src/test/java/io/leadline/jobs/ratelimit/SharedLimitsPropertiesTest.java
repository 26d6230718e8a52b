package io.leadline.jobs.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SharedLimitsPropertiesTest {

	@Test
	void bindsTheUrlFromItsEnvironmentNameAndNeverPrintsThePassword() {
		SharedLimitsProperties properties = bind(Map.of("leadline.redis.url", " redis://:s3cr3t-pw@redis:6379/2 "));

		assertThat(properties.uri().getHost()).isEqualTo("redis");
		assertThat(properties.uri().getDatabase()).isEqualTo(2);
		assertThat(properties.toString()).contains("redis:6379/2").doesNotContain("s3cr3t");
	}

	@Test
	void aBlankUrlMeansEachJvmKeepsItsOwnBudget() {
		assertThat(bind(Map.of("leadline.redis.url", "  ")).url()).isNull();
		assertThat(bind(Map.of()).url()).isNull();
	}

	@Test
	void aMalformedUrlIsRefusedAtStartWithoutEchoingIt() {
		assertThatThrownBy(() -> bind(Map.of("leadline.redis.url", "http://:s3cr3t-pw@redis")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("leadline.redis.url")
			.hasMessageNotContaining("s3cr3t");
	}

	private static SharedLimitsProperties bind(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("leadline.redis",
				SharedLimitsProperties.class);
	}

}
