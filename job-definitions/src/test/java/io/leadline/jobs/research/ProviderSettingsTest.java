package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderSettingsTest {

	@Test
	void takesDefaultsForEverythingButTheKeys() {
		var settings = ProviderSettings.fromEnvironment(Map.of("SERPER_API_KEY", "s", "GROQ_API_KEY", "g")::get);

		assertThat(settings.serperUrl()).isEqualTo(ProviderSettings.DEFAULT_SERPER_URL);
		assertThat(settings.groqUrl()).isEqualTo(ProviderSettings.DEFAULT_GROQ_URL);
		assertThat(settings.groqModel()).isEqualTo("openai/gpt-oss-120b");
		assertThat(settings.temperature()).isEqualTo(0.6);
		assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(60));
		assertThat(settings.configured()).isTrue();
		assertThat(settings.missingReason()).isNull();
	}

	@Test
	void readsOverriddenEndpointsAndModel() {
		var settings = ProviderSettings.fromEnvironment(Map.of("LEADLINE_SERPER_URL", "http://localhost:9/",
				"LEADLINE_GROQ_URL", "http://localhost:8/v1", "LEADLINE_GROQ_MODEL", "llama-3.3-70b-versatile")::get);

		assertThat(settings.serperUrl()).isEqualTo("http://localhost:9");
		assertThat(settings.groqUrl()).isEqualTo("http://localhost:8/v1");
		assertThat(settings.groqModel()).isEqualTo("llama-3.3-70b-versatile");
	}

	@Test
	void explainsWhichKeysAreMissing() {
		assertThat(ProviderSettings.fromEnvironment(name -> null).missingReason())
			.isEqualTo("no provider: SERPER_API_KEY and GROQ_API_KEY are not set");
		assertThat(ProviderSettings.fromEnvironment(Map.of("SERPER_API_KEY", "s", "GROQ_API_KEY", " ")::get)
			.missingReason()).isEqualTo("no provider: GROQ_API_KEY is not set");
	}

	@Test
	void neverPrintsTheKeys() {
		var settings = ProviderSettings
			.fromEnvironment(Map.of("SERPER_API_KEY", "sk-serper-secret", "GROQ_API_KEY", "gsk_secret")::get);

		assertThat(settings.toString()).doesNotContain("sk-serper-secret", "gsk_secret").contains("serperKey=****");
	}

}
