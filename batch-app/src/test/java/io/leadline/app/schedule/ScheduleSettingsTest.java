package io.leadline.app.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.leadline.app.jobs.RecoveryProperties;

/**
 * The nightly, retention and recovery settings: their defaults, today's environment
 * names, and a bad value refused when the application starts rather than when a schedule
 * first fires.
 */
class ScheduleSettingsTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Test
	void defaultsWhenNothingIsSet() {
		context.run(app -> {
			assertThat(app.getBean(NightlyProperties.class).cron()).isEqualTo("0 0 2 * * *");
			assertThat(app.getBean(RetentionProperties.class).period()).isEqualTo(Duration.ofDays(30));
			assertThat(app.getBean(RetentionProperties.class).cron()).isEqualTo("0 30 3 * * *");
			assertThat(app.getBean(RecoveryProperties.class).autoRestart()).isTrue();
		});
	}

	@Test
	void todaysEnvironmentNamesStillWork() {
		Map<String, Object> environment = Map.of("LEADLINE_NIGHTLY_CRON", "0 15 1 * * MON-FRI",
				"LEADLINE_RETENTION_DAYS", "7", "LEADLINE_RECOVERY_AUTO_RESTART", "false");
		context
			.withInitializer(app -> app.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						"test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.run(app -> {
				assertThat(app.getBean(NightlyProperties.class).cron()).isEqualTo("0 15 1 * * MON-FRI");
				assertThat(app.getBean(RetentionProperties.class).period()).isEqualTo(Duration.ofDays(7));
				assertThat(app.getBean(RecoveryProperties.class).autoRestart()).isFalse();
			});
	}

	@Test
	void aBadCronOrRetentionStopsTheStartNamingTheSetting() {
		context.withPropertyValues("leadline.nightly.cron=at two")
			.run(app -> assertThat(app).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("leadline.nightly.cron"));
		context.withPropertyValues("leadline.retention.days=0")
			.run(app -> assertThat(app).hasFailed().getFailure().hasStackTraceContaining("leadline.retention"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ NightlyProperties.class, RetentionProperties.class, RecoveryProperties.class })
	static class Settings {

	}

}
