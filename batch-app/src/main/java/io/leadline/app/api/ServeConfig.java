package io.leadline.app.api;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * What {@code leadline serve} adds to the engine: jobs run on a bounded executor, so
 * starting one answers at once (extra jobs wait as {@code queued}). The CLI keeps Batch's
 * synchronous launcher: it has no web application.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableScheduling
@OpenAPIDefinition(
		info = @Info(title = "Leadline API", version = "0.1",
				description = "Upload a prospect list, start an enrichment job, watch it, download the result."),
		security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class ServeConfig {

	/**
	 * Boot's JobOperator launches on this: the caller's thread only records the
	 * execution.
	 */
	@Bean
	@BatchTaskExecutor
	TaskExecutor jobExecutor(ApiProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("leadline-job-");
		executor.setCorePoolSize(properties.concurrentJobs());
		executor.setMaxPoolSize(properties.concurrentJobs());
		executor.setQueueCapacity(properties.queuedJobs());
		executor.initialize();
		return executor;
	}

}
