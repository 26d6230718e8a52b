package io.leadline.jobs.research;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

class ProviderSettingsTest {

	@Test
	void takesDefaultsForEverythingButTheKeys() {
		var settings = bind(Map.of("SERPER_API_KEY", "s", "GROQ_API_KEY", "g"));

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
	void readsOverriddenEndpointsAndModelFromTodaysEnvironmentNames() {
		var settings = bind(Map.of("LEADLINE_SERPER_URL", "http://localhost:9/", "LEADLINE_GROQ_URL",
				"http://localhost:8/v1", "LEADLINE_GROQ_MODEL", "llama-3.3-70b-versatile"));

		assertThat(settings.serperUrl()).isEqualTo("http://localhost:9");
		assertThat(settings.groqUrl()).isEqualTo("http://localhost:8/v1");
		assertThat(settings.groqModel()).isEqualTo("llama-3.3-70b-versatile");
	}

	@Test
	void aSettingUnderItsOwnNameWinsOverTheEnvironmentName() {
		var settings = bind(Map.of("GROQ_API_KEY", "from-env", "leadline.providers.groq-key", "from-settings",
				"leadline.providers.read-timeout", "2m"));

		assertThat(settings.groqKey()).isEqualTo("from-settings");
		assertThat(settings.readTimeout()).isEqualTo(Duration.ofMinutes(2));
	}

	@Test
	void explainsWhichKeysAreMissing() {
		assertThat(bind(Map.of()).missingReason())
			.isEqualTo("no provider: SERPER_API_KEY and GROQ_API_KEY are not set");
		assertThat(bind(Map.of("SERPER_API_KEY", "s", "GROQ_API_KEY", " ")).missingReason())
			.isEqualTo("no provider: GROQ_API_KEY is not set");
	}

	@Test
	void refusesATemperatureOutOfRange() {
		assertThatThrownBy(() -> bind(Map.of("leadline.providers.temperature", "3"))).isInstanceOf(BindException.class)
			.hasRootCauseMessage("temperature must be between 0 and 2, got 3.0");
	}

	@Test
	void neverPrintsTheKeys() {
		var settings = bind(Map.of("SERPER_API_KEY", "sk-serper-secret", "GROQ_API_KEY", "gsk_secret"));

		assertThat(settings.toString()).doesNotContain("sk-serper-secret", "gsk_secret").contains("serperKey=****");
	}

	private static ProviderSettings bind(Map<String, Object> properties) {
		var environment = new MockEnvironment();
		properties.forEach(environment::setProperty);
		ProviderEnvironment.attach(environment);
		return Binder.get(environment).bindOrCreate(ProviderSettings.PREFIX, ProviderSettings.class);
	}

}
