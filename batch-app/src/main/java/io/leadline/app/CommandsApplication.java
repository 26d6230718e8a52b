package io.leadline.app;

import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration;
import org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Profile;

/**
 * The application as the operator commands start it: the same components as
 * {@link LeadlineApplication}, and of Boot's auto-configuration only what a command uses
 * (the database and its migrations, Batch, JSON, validation, the meter registry the job's
 * metrics write to). The web server, security, actuator endpoints and API docs belong to
 * {@code serve}. The context is lazy, so a command builds only the beans it asks for:
 * {@code jobs} opens the database but builds no provider client, job or executor.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@Profile(CommandsApplication.PROFILE)
@ComponentScan(basePackages = { "io.leadline.app", "io.leadline.jobs" },
		excludeFilters = { @Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
				@Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
				@Filter(type = FilterType.ASSIGNABLE_TYPE, classes = LeadlineApplication.class) })
// why: the list is what the commands' context matched when it took all of
// auto-configuration, less the web, security, actuator and API-doc parts
@ImportAutoConfiguration({ PropertyPlaceholderAutoConfiguration.class, ConfigurationPropertiesAutoConfiguration.class,
		LifecycleAutoConfiguration.class, AopAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
		ValidationAutoConfiguration.class, JacksonAutoConfiguration.class, DataSourceAutoConfiguration.class,
		DataSourceInitializationAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
		TransactionAutoConfiguration.class, TransactionManagerCustomizationAutoConfiguration.class,
		PersistenceExceptionTranslationAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
		JdbcClientAutoConfiguration.class, FlywayAutoConfiguration.class, BatchJdbcAutoConfiguration.class,
		BatchJobLauncherAutoConfiguration.class, ObservationAutoConfiguration.class,
		BatchObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
		CompositeMeterRegistryAutoConfiguration.class, PrometheusMetricsExportAutoConfiguration.class })
public class CommandsApplication {

	static final String PROFILE = "cli";

	/**
	 * The schema is brought up to date at start, as before the context was lazy: a
	 * command that reaches the database only through a plain {@code DataSource} would
	 * otherwise find its tables missing.
	 */
	@Bean
	static LazyInitializationExcludeFilter migrateAtStart() {
		return LazyInitializationExcludeFilter.forBeanTypes(FlywayMigrationInitializer.class);
	}

	/**
	 * A Spring application for one command: no web server, the {@code cli} profile, lazy
	 * beans.
	 */
	public static SpringApplication create() {
		SpringApplication app = new SpringApplication(CommandsApplication.class);
		app.setWebApplicationType(WebApplicationType.NONE);
		app.setAdditionalProfiles(PROFILE);
		app.setLazyInitialization(true);
		// why: command arguments are the CLI's, not Spring properties (--out must not
		// become a setting)
		app.setAddCommandLineProperties(false);
		return app;
	}

}
